namespace Populus.Storage;

/// <summary>What an import did.</summary>
/// <param name="Kind">The import kind (census, vital-events …).</param>
/// <param name="File">The file as given.</param>
/// <param name="Batch">The batch name the rows are recorded under.</param>
/// <param name="Rows">Rows stored (0 when the batch was already there).</param>
/// <param name="AlreadyImported">True when the same content was imported before, so nothing changed.</param>
/// <param name="ContentSha256">Hash of the file's bytes, recorded with the batch.</param>
/// <param name="TextEncoding">What a CSV file was read as, "UTF-8" or "GB18030"; null for a spreadsheet or Parquet file.</param>
public sealed record ImportResult(string Kind, string File, string Batch, int Rows, bool AlreadyImported, string ContentSha256, string? TextEncoding);

/// <summary>One imported file, as recorded in the store.</summary>
/// <param name="Batch">The batch name.</param>
/// <param name="Kind">The import kind.</param>
/// <param name="File">The file's name as imported.</param>
/// <param name="ContentSha256">Hash of the file's bytes.</param>
/// <param name="Rows">Rows stored.</param>
/// <param name="ImportedAtUtc">When it was imported.</param>
/// <param name="Withdrawn">When, by whom and why its figures were withdrawn (<see cref="IPopulusStore.Withdraw"/>); null while they stand.</param>
public sealed record ImportBatch(string Batch, string Kind, string File, string ContentSha256, int Rows, DateTime ImportedAtUtc, WithdrawnBatch? Withdrawn = null);

/// <summary>A batch whose figures were withdrawn (deleted), and who withdrew it, when and why.</summary>
/// <param name="Batch">The batch name.</param>
/// <param name="Kind">The import kind.</param>
/// <param name="Rows">Figures deleted (in a listing of batches, the rows it had stored).</param>
/// <param name="WithdrawnAtUtc">When.</param>
/// <param name="By">Who withdrew it.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawnBatch(string Batch, string Kind, int Rows, DateTime WithdrawnAtUtc, string By, string Reason);
