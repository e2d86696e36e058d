using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// One kind of input file. The <see cref="Importer"/> wraps every kind the same way: the file is hashed, opened in
/// any supported format, and loaded inside one transaction that also records the batch; a row with a problem
/// rejects the whole file.
/// </summary>
/// <remarks>
/// Extension point: a new kind (the person registry's records, for one) derives from this class, or from
/// <see cref="FactImportKind"/> for a table of figures, and is listed in <see cref="ImportKinds.All"/>. It then
/// gets the CLI command `populus import NAME FILE`, the three file formats, the batch bookkeeping and the
/// all-or-nothing transaction for free.
/// </remarks>
internal abstract class ImportKind
{
    /// <summary>The name used on the command line, e.g. "census".</summary>
    public abstract string Name { get; }

    /// <summary>One line for help texts.</summary>
    public abstract string Summary { get; }

    /// <summary>The same line in Chinese, for the cockpit's upload page.</summary>
    public abstract string SummaryZh { get; }

    /// <summary>Columns the file must have.</summary>
    public abstract string[] RequiredColumns { get; }

    /// <summary>
    /// True for files of personal data (one row a person named by identity number): their problem reports show every
    /// value masked (<see cref="CsvTable.OpenPersonal"/>). Pseudonymised records (graduates, talent intake) are not.
    /// </summary>
    public virtual bool HoldsPersonalData => false;

    /// <summary>
    /// Reads and checks every row, recording each problem on <see cref="ImportSession.Table"/>; when there was none,
    /// writes the rows through the session and returns how many were stored. Must not commit.
    /// </summary>
    public abstract int Load(ImportSession session);
}
