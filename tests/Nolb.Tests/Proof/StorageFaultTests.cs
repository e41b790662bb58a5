using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Data;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Proof;

/// <summary>
/// Storage faults under a running app lose nothing acknowledged: while the database cannot durably take a write,
/// the write answers 503 with Retry-After (never 201), the health check says so, and the process keeps serving.
/// Each test runs its own app on its own SQLite file (pooled, as in production), since it breaks that file.
/// </summary>
public sealed class SqliteStorageFaultTests
{
    private const string Before = "Written before the fault", During = "Written during the fault", After = "Written after the file came back";

    [OnDatabaseFact(DatabaseProvider.Sqlite, "it breaks an SQLite file; on PostgreSQL the fault is the server stopped, PostgresOutageTests")]
    public async Task A_database_file_deleted_under_the_app_refuses_every_write_with_503_and_does_not_make_a_new_one()
    {
        await using var run = await CaseRun.StartAsync<SqliteFileAppFactory>();
        Assert.Equal(HttpStatusCode.Created, (await run.NoteAsync(Before)).StatusCode);

        File.Delete(run.App.FilePath);
        var during = new[] { await run.NoteAsync(During), await run.NoteAsync(During) };
        var health = await run.Anonymous.GetAsync("/health");

        // A write answered 201 here would be in the deleted file only, and gone at the next restart (the probe's loss).
        Assert.All(during, AssertUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.False(File.Exists(run.App.FilePath), "the app made a new, empty database where the deleted one was");
    }

    [OnDatabaseFact(DatabaseProvider.Sqlite, "it moves an SQLite file; on PostgreSQL the fault is the server stopped, PostgresOutageTests")]
    public async Task A_database_file_moved_away_refuses_writes_and_when_put_back_every_acknowledged_note_is_in_the_file()
    {
        await using var run = await CaseRun.StartAsync<SqliteFileAppFactory>();
        var before = await run.NoteAsync(Before);

        File.Move(run.App.FilePath, run.App.FilePath + ".away");
        HttpResponseMessage during, health;
        try
        {
            during = await run.NoteAsync(During);
            health = await run.Anonymous.GetAsync("/health");
        }
        finally
        {
            File.Move(run.App.FilePath + ".away", run.App.FilePath);
        }

        var after = await run.NoteAsync(After);
        var healthAfter = await run.Anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        AssertUnavailable(during);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthAfter.StatusCode);
        Assert.Equal([After, Before], await run.DurableNotesAsync());
    }

    [OnDatabaseFact(DatabaseProvider.Sqlite, "it replaces an SQLite file; on PostgreSQL the fault is the server stopped, PostgresOutageTests")]
    public async Task A_database_file_replaced_under_the_app_refuses_reads_and_writes_until_a_restart()
    {
        await using var run = await CaseRun.StartAsync<SqliteFileAppFactory>();
        Assert.Equal(HttpStatusCode.Created, (await run.NoteAsync(Before)).StatusCode);
        var copy = run.App.FilePath + ".copy";
        await DatabaseBackup.BackupAsync(DatabaseProvider.Sqlite, $"Data Source={run.App.FilePath};Pooling=False", copy);

        // As a restore by `mv` under a running app does: another file, with other data, now at the path.
        File.Move(copy, run.App.FilePath, overwrite: true);
        var write = await run.NoteAsync(During);
        var read = await run.Api.GetAsync(run.NotesUrl);
        var health = await run.Anonymous.GetAsync("/health");

        AssertUnavailable(write);
        AssertUnavailable(read);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    /// <summary>
    /// A -shm (WAL index) file Nolb cannot write: SQLite opens it read-only and refuses writes (SQLITE_READONLY_CANTINIT,
    /// https://www.sqlite.org/rescode.html#readonly_cantinit), which is the database not taking writes now: 503, not 500.
    /// Without pooling every request opens the database afresh, so the -shm is opened again under the fault.
    /// </summary>
    [OnDatabaseFact(DatabaseProvider.Sqlite, "it makes an SQLite -shm file read-only; on PostgreSQL the fault is the server stopped, PostgresOutageTests")]
    [UnsupportedOSPlatform("windows")]
    public async Task A_read_only_shm_file_answers_503_the_process_keeps_serving_and_writes_resume_when_it_is_writable()
    {
        await using var run = await CaseRun.StartAsync<UnpooledSqliteFileAppFactory>();
        Assert.Equal(HttpStatusCode.Created, (await run.NoteAsync(Before)).StatusCode);
        var shm = run.App.FilePath + "-shm";
        if (!File.Exists(shm))
        {
            await File.WriteAllBytesAsync(shm, []);
        }

        HttpResponseMessage during;
        using (ReadOnlyFile.Make(shm))
        {
            during = await run.NoteAsync(During);
        }

        var after = await run.NoteAsync(After);

        AssertUnavailable(during);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal([After, Before], await run.DurableNotesAsync());
    }

    internal static void AssertUnavailable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>An app of a test's own with a key worker signed in to the API and an engagement on their caseload to write notes on.</summary>
internal sealed class CaseRun : IAsyncDisposable
{
    private CaseRun(SqliteFileAppFactory app, HttpClient api, Guid engagementId)
    {
        App = app;
        Api = api;
        Anonymous = app.CreateClient();
        NotesUrl = $"/api/v1/engagements/{engagementId}/notes";
        EngagementId = engagementId;
    }

    public SqliteFileAppFactory App { get; }
    public HttpClient Api { get; }
    public HttpClient Anonymous { get; }
    public string NotesUrl { get; }
    public Guid EngagementId { get; }

    public static async Task<CaseRun> StartAsync<TFactory>() where TFactory : SqliteFileAppFactory, new()
    {
        var app = new TFactory();
        await app.InitializeAsync();
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        return new CaseRun(app, await app.ApiClientAsync(keyWorker.Email!), person.Engagements.Single().Id);
    }

    public Task<HttpResponseMessage> NoteAsync(string text) =>
        Api.PostAsJsonAsync(NotesUrl, new { date = CaseData.Today, text });

    /// <summary>The engagement's notes as a restarted app would find them: read from the file at the path, outside the app.</summary>
    public async Task<List<string>> DurableNotesAsync()
    {
        await using var db = new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>()
            .UseSqlite($"Data Source={App.FilePath};Mode=ReadOnly;Pooling=False").Options);
        return await db.CaseNotes.Where(n => n.EngagementId == EngagementId).Select(n => n.Text).OrderBy(t => t).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

/// <summary>
/// Makes a file impossible for this process to open for writing, and undoes it when disposed. A read-only mode is
/// enough for an ordinary user, but root ignores file modes (CI runs as root), so as root the file is made immutable
/// with chattr(1), which binds root too (it needs CAP_LINUX_IMMUTABLE and ext4, xfs, btrfs or tmpfs).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFile : IDisposable
{
    private readonly string path;
    private readonly UnixFileMode mode;

    private ReadOnlyFile(string path)
    {
        this.path = path;
        mode = File.GetUnixFileMode(path);
        if (Environment.IsPrivilegedProcess)
        {
            Chattr("+i");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    public static ReadOnlyFile Make(string path) => new(path);

    public void Dispose()
    {
        if (Environment.IsPrivilegedProcess)
        {
            Chattr("-i");
        }
        else
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private void Chattr(string flag)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {flag} {path} failed, so this test cannot make a file read-only for root: {errors}");
    }
}
