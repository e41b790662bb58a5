using System.Collections;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Nolb.Web.Data;
using Npgsql;

namespace Nolb.Bench.Generate;

/// <summary>
/// Writes rows straight into the app's tables, fast, without EF change tracking: SQLite through one connection
/// with a prepared INSERT per table in large transactions, PostgreSQL through binary COPY. Every table, column
/// and value conversion (enums by name, UTC instants, primitive collections) comes from the app's own EF model,
/// so the rows are exactly what the app would have saved; a row that names an unknown property or leaves out a
/// required one is refused.
/// </summary>
public abstract partial class BulkLoader : IAsyncDisposable
{
    private readonly Dictionary<Type, BulkTable> tables = [];

    protected BulkLoader(NolbDbContext model) => Model = model.Model;

    protected IModel Model { get; }

    public long RowsWritten => tables.Values.Sum(t => t.Rows);

    public IReadOnlyDictionary<string, long> RowsByTable => tables.Values.ToDictionary(t => t.Name, t => t.Rows);

    public static async Task<BulkLoader> OpenAsync(DatabaseProvider provider, string connectionString, NolbDbContext model)
    {
        BulkLoader loader = provider == DatabaseProvider.Sqlite
            ? new SqliteBulkLoader(connectionString, model)
            : new PostgresBulkLoader(connectionString, model);
        await loader.StartAsync();
        return loader;
    }

    /// <summary>Adds one row of the entity's table; values are keyed by property name, owned properties as "Owner.Property".</summary>
    public void Add<TEntity>(Dictionary<string, object?> values)
    {
        if (!tables.TryGetValue(typeof(TEntity), out var table))
        {
            var entity = Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the app's model.");
            table = CreateTable(entity);
            tables[typeof(TEntity)] = table;
        }

        table.Add(values);
        AfterRow();
    }

    protected abstract Task StartAsync();

    protected abstract BulkTable CreateTable(IEntityType entity);

    protected virtual void AfterRow()
    {
    }

    /// <summary>Writes what is buffered, puts back the indexes and constraints taken off for the load, and commits.</summary>
    public abstract Task FinishAsync();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var table in tables.Values)
        {
            await table.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>One column of a table: the property path the generator uses, and how EF stores it.</summary>
    protected sealed record Column(string Path, string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        public object? ToProvider(object? value)
        {
            if (value is null)
            {
                return null;
            }

            if (Mapping.Converter is { } converter)
            {
                return converter.ConvertToProvider(value);
            }

            // A primitive collection whose elements are converted (enums by name) but the collection is not (PostgreSQL arrays).
            if (Mapping.ElementTypeMapping?.Converter is { } element && value is IEnumerable items and not string)
            {
                var converted = items.Cast<object>().Select(element.ConvertToProvider).ToList();
                var array = Array.CreateInstance(element.ProviderClrType, converted.Count);
                for (var i = 0; i < converted.Count; i++)
                {
                    array.SetValue(converted[i], i);
                }

                return array;
            }

            return value;
        }
    }

    protected static IReadOnlyList<Column> ColumnsOf(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column>();
        void Collect(IEntityType type, string prefix, bool owned)
        {
            foreach (var property in type.GetProperties())
            {
                // An owned type's key is the owner's key: the same column, written once.
                if (owned && property.IsPrimaryKey())
                {
                    continue;
                }

                columns.Add(new Column(prefix + property.Name, property.GetColumnName(table)!, property, (RelationalTypeMapping)property.GetTypeMapping()));
            }

            foreach (var navigation in type.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == type.GetTableName()))
            {
                Collect(navigation.TargetEntityType, prefix + navigation.Name + ".", owned: true);
            }
        }

        Collect(entity, "", owned: false);
        return columns;
    }

    protected abstract class BulkTable(IEntityType entity) : IAsyncDisposable
    {
        private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

        public string Name { get; } = entity.GetTableName()!;

        public long Rows { get; private set; }

        protected IReadOnlyList<Column> Columns { get; } = ColumnsOf(entity);

        public void Add(Dictionary<string, object?> values)
        {
            if (positions.Count == 0)
            {
                for (var i = 0; i < Columns.Count; i++)
                {
                    positions[Columns[i].Path] = i;
                }
            }

            var row = new object?[Columns.Count];
            foreach (var (path, value) in values)
            {
                if (!positions.TryGetValue(path, out var i))
                {
                    throw new InvalidOperationException($"{Name} has no property {path}.");
                }

                row[i] = Columns[i].ToProvider(value);
            }

            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null && !Columns[i].Property.IsNullable)
                {
                    if (!values.ContainsKey(Columns[i].Path) && Columns[i].Property.ClrType.IsValueType && Columns[i].Property.ClrType != typeof(Guid))
                    {
                        row[i] = Columns[i].ToProvider(Activator.CreateInstance(Columns[i].Property.ClrType));
                    }
                    else
                    {
                        throw new InvalidOperationException($"{Name}.{Columns[i].Path} is required.");
                    }
                }
            }

            Write(row);
            Rows++;
        }

        protected abstract void Write(object?[] row);

        public abstract ValueTask DisposeAsync();
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    protected static partial Regex Facets();
}

/// <summary>SQLite: one connection, synchronous=OFF and WAL while loading, secondary indexes rebuilt once at the end.</summary>
public sealed class SqliteBulkLoader(string connectionString, NolbDbContext model) : BulkLoader(model)
{
    private const int RowsPerTransaction = 250_000;
    private readonly SqliteConnection connection = new(connectionString);
    private readonly List<string> indexes = [];
    private SqliteTransaction? transaction;
    private readonly List<SqliteTable> sqliteTables = [];
    private long rowsInTransaction;

    protected override async Task StartAsync()
    {
        await connection.OpenAsync();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");

        // Secondary indexes cost more to keep up row by row than to build once.
        var tableNames = Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            var found = new List<(string Name, string Sql)>();
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }

            foreach (var (name, sql) in found.Where(f => tableNames.Any(t => f.Sql.Contains($"\"{t}\"", StringComparison.Ordinal))))
            {
                indexes.Add(sql);
                Execute($"DROP INDEX \"{name}\"");
            }
        }

        transaction = connection.BeginTransaction();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override BulkTable CreateTable(IEntityType entity)
    {
        var table = new SqliteTable(entity, connection, transaction!);
        sqliteTables.Add(table);
        return table;
    }

    protected override void AfterRow()
    {
        if (++rowsInTransaction < RowsPerTransaction)
        {
            return;
        }

        transaction!.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        foreach (var table in sqliteTables)
        {
            table.Use(transaction);
        }

        rowsInTransaction = 0;
    }

    public override async Task FinishAsync()
    {
        transaction!.Commit();
        foreach (var sql in indexes)
        {
            Execute(sql);
        }

        Execute("PRAGMA synchronous=NORMAL; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        await Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        transaction?.Dispose();
        await connection.DisposeAsync();
    }

    private sealed class SqliteTable : BulkTable
    {
        private readonly SqliteCommand command;
        private readonly DbParameter[] parameters;

        public SqliteTable(IEntityType entity, SqliteConnection connection, SqliteTransaction transaction) : base(entity)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) "
                + $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
            parameters = Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
        }

        public void Use(SqliteTransaction transaction) => command.Transaction = transaction;

        protected override void Write(object?[] row)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public override ValueTask DisposeAsync() => command.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL: one binary COPY per table, each on its own connection so tables load side by side; foreign keys
/// and secondary indexes are dropped for the load and put back (and so checked) at the end.
/// </summary>
public sealed class PostgresBulkLoader(string connectionString, NolbDbContext model) : BulkLoader(model)
{
    private readonly List<string> restore = [];
    private readonly List<PostgresTable> postgresTables = [];

    protected override async Task StartAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var drops = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
                   format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
            FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                restore.Add(reader.GetString(0));
                drops.Add(reader.GetString(1));
            }
        }

        await using (var command = new NpgsqlCommand(
            """
            SELECT i.indexdef, format('DROP INDEX %I', i.indexname) FROM pg_indexes i
            WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                restore.Add(reader.GetString(0));
                drops.Add(reader.GetString(1));
            }
        }

        foreach (var sql in drops)
        {
            await using var drop = new NpgsqlCommand(sql, connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    protected override BulkTable CreateTable(IEntityType entity)
    {
        var table = new PostgresTable(entity, connectionString);
        postgresTables.Add(table);
        return table;
    }

    public override async Task FinishAsync()
    {
        foreach (var table in postgresTables)
        {
            await table.CompleteAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in restore)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    private sealed class PostgresTable : BulkTable
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlBinaryImporter importer;
        private readonly string[] dataTypes;

        public PostgresTable(IEntityType entity, string connectionString) : base(entity)
        {
            connection = new NpgsqlConnection(connectionString);
            connection.Open();
            importer = connection.BeginBinaryImport(
                $"COPY \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
            dataTypes = Columns.Select(c => Facets().Replace(c.Mapping.StoreType, "")).ToArray();
        }

        protected override void Write(object?[] row)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(row[i], dataTypes[i]);
                }
            }
        }

        public async Task CompleteAsync()
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
