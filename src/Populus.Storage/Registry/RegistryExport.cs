using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Storage.Registry;

/// <summary>
/// Writes a generated registry to a Parquet or CSV file (by extension), for imports and other tools. The file holds
/// the full identity numbers: it is test data, meant for systems under test, and must not be mistaken for a store.
/// </summary>
/// <remarks>
/// The rows pass through an in-memory DuckDB table, whose COPY writes both formats. The columns and codes are those of
/// the <c>persons</c> import (docs/registry.md), so that the file imports as it is; <c>person_id</c>, which the import
/// does not read, goes first.
/// </remarks>
public static class RegistryExport
{
    /// <summary>Writes every person of <paramref name="generator"/>; returns the rows written.</summary>
    /// <exception cref="ArgumentException">The extension is neither .parquet nor .csv.</exception>
    public static long Write(RegistryGenerator generator, string path, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" => "FORMAT parquet",
            ".csv" => "FORMAT csv, HEADER true",
            _ => throw new ArgumentException($"the output must end in .parquet or .csv: {path}", nameof(path)),
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE registry (person_id BIGINT, national_id VARCHAR, sex VARCHAR, birth_date DATE, hukou_region INTEGER,
                residence_region INTEGER, urban_rural VARCHAR, education VARCHAR, permit_status VARCHAR)
            """);
        var source = generator.CreateSource();
        var batch = new PersonBatch(ProtectedLoad.BlockSize);
        long written = 0;
        var education = EducationLevels.All.Select(l => l.Label()).ToArray();
        var permits = Enum.GetValues<ResidencePermitStatus>().ToDictionary(p => (byte)p, p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.ToString()));
        using (var appender = connection.CreateAppender("registry"))
        {
            while (source.FillNext(batch))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    appender.CreateRow()
                        .AppendValue(batch.PersonId[i])
                        .AppendValue(System.Text.Encoding.ASCII.GetString(batch.Id(i)))
                        .AppendValue(((Sex)batch.Sex[i]).Code())
                        .AppendValue(batch.BirthDate[i])
                        .AppendValue(batch.HukouRegion[i])
                        .AppendValue(batch.ResidenceRegion[i])
                        .AppendValue(batch.UrbanRural[i] == (byte)UrbanRural.Urban ? "urban" : "rural")
                        .AppendValue(education[batch.Education[i]])
                        .AppendValue(permits[batch.ResidencePermit[i]])
                        .EndRow();
                }

                written += batch.Count;
                progress?.Report(written);
            }
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture,
                $"COPY (SELECT * FROM registry ORDER BY person_id) TO '{temp.Replace("'", "''")}' ({format})"));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return written;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
