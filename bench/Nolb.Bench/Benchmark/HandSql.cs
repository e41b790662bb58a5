using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Nolb.Web.Data;
using Npgsql;

namespace Nolb.Bench.Benchmark;

/// <summary>
/// Plain ADO.NET on the same database, for the hand-written SQL each figure is compared with. Values are passed
/// as the provider stores them: on SQLite, ids as upper-case text and dates as ISO text, as EF Core writes them.
/// </summary>
public sealed class HandSql(DatabaseProvider provider, string connectionString) : IAsyncDisposable
{
    private DbConnection? connection;

    public DatabaseProvider Provider => provider;

    public async Task<DbConnection> OpenAsync()
    {
        if (connection is null)
        {
            connection = provider == DatabaseProvider.Sqlite ? new SqliteConnection(ReadOnly(connectionString)) : new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }

        return connection;
    }

    /// <summary>A file is opened read-only, as the app's reporting connection is; an in-memory database (tests) cannot be.</summary>
    private static string ReadOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        return builder.ToString();
    }

    public async Task<List<object?[]>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var rows = new List<object?[]>();
        await EachAsync(sql, parameters, row => rows.Add(row));
        return rows;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64((await RowsAsync(sql, parameters))[0][0], CultureInfo.InvariantCulture);

    /// <summary>Streams the rows one at a time without keeping them (the CSV comparison).</summary>
    public async Task EachAsync(string sql, (string Name, object Value)[] parameters, Action<object?[]> row)
    {
        var db = await OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Stored(value);
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            row(values);
        }
    }

    private object Stored(object value) => provider != DatabaseProvider.Sqlite ? value : value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
