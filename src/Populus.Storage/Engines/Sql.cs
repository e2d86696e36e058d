using System.Data.Common;

namespace Populus.Storage.Engines;

/// <summary>Commands with positional parameters ($1, $2 …), a syntax DuckDB and PostgreSQL share.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params object?[] args)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var arg in args)
        {
            var p = command.CreateParameter();
            p.Value = arg ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string text, params object?[] args)
    {
        using var command = Command(connection, transaction, text, args);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string text, params object?[] args)
    {
        using var command = Command(connection, transaction, text, args);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Reads every row through <paramref name="map"/>.</summary>
    public static List<T> Query<T>(DbConnection connection, DbTransaction? transaction, string text, Func<DbDataReader, T> map,
        params object?[] args)
    {
        using var command = Command(connection, transaction, text, args);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    public static string? Text(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static DateOnly? Date(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);

    public static int? Int(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this DbDataReader reader, int i) => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static double Double(this DbDataReader reader, int i) => Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A timestamp stored as UTC without a zone (Npgsql refuses UTC-kind values for TIMESTAMP columns).</summary>
    public static DateTime UtcNow() => DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
}
