using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.CaseActivity;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

/// <summary>
/// A backup taken while the app runs, then changes, then a restore: every table of the database (row counts and every
/// value) must be as it was at the backup. Runs on SQLite, and on PostgreSQL through pg_dump/pg_restore when the
/// suite runs there (NOLB_TEST_DATABASE=Postgres).
/// </summary>
public sealed class BackupRestoreTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task A_backup_restored_after_later_changes_gives_back_every_table_row_for_row()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "Backedup");
        await app.NoteAsync(person.Engagements.Single().Id, keyWorker, "Before the backup");
        var file = Path.Combine(Path.GetTempPath(), $"nolb-backup-{Guid.NewGuid():N}.bak");
        try
        {
            var before = await SnapshotAsync();
            Assert.True(before.Count > 20, "every table of the model is compared");
            Assert.Contains(before, t => t.Key == "Participants" && t.Value.Count > 0);

            await DatabaseBackup.BackupAsync(app.Database.Provider, app.Database.ConnectionString, file);
            await app.NoteAsync(person.Engagements.Single().Id, keyWorker, "After the backup");
            await app.PersonAsync(given: "Afterwards");
            await app.WithDbAsync(db => db.Participants.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.GivenName, "Changed")));
            Assert.NotEqual(Flatten(before), Flatten(await SnapshotAsync()));

            await DatabaseBackup.RestoreAsync(app.Database.Provider, app.Database.ConnectionString, file);

            var after = await SnapshotAsync();
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var (table, rows) in before)
            {
                Assert.True(rows.SequenceEqual(after[table]), $"{table}: {rows.Count} rows at the backup, {after[table].Count} after the restore, or a value differs");
            }

            Assert.Equal("Backedup", (await app.ReloadAsync(person.Id)).GivenName);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restoring_from_a_file_that_does_not_exist_says_so_and_changes_nothing()
    {
        var before = Flatten(await SnapshotAsync());

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            DatabaseBackup.RestoreAsync(app.Database.Provider, app.Database.ConnectionString, "/nonexistent/nolb.bak"));

        Assert.Contains("There is no backup file", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Flatten(await SnapshotAsync()));
    }

    /// <summary>Every table the model maps, plus the migrations history, as sorted rows of every column's value.</summary>
    private Task<Dictionary<string, List<string>>> SnapshotAsync() => app.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var snapshot = new Dictionary<string, List<string>>();
            foreach (var table in tables)
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                        reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot[table] = rows;
            }

            return snapshot;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static string Flatten(Dictionary<string, List<string>> snapshot) =>
        string.Join("\n", snapshot.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + ":" + string.Join(";", t.Value)));
}
