using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Data;
using Nolb.Web.Security;
using Npgsql;

namespace Nolb.Tests.Proof;

/// <summary>
/// A PostgreSQL server of this test's own (scripts/postgres.sh on its own port and folder, never CI's), so it
/// can be stopped under a running app and started again. Runs when NOLB_TEST_DATABASE=Postgres, where the
/// server binaries are installed; the port is NOLB_PG_OUTAGE_PORT (55491 unless set).
/// </summary>
public sealed class OwnPostgresAppFactory : NolbAppFactory, IAsyncLifetime
{
    private readonly string port = Environment.GetEnvironmentVariable("NOLB_PG_OUTAGE_PORT") ?? "55491";
    private string folder = "";
    private string connection = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Nolb:Database:Provider"] = nameof(DatabaseProvider.Postgres),
        ["ConnectionStrings:Nolb"] = connection,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            return;
        }

        folder = Path.Combine(Path.GetTempPath(), $"nolb-pg-outage-{port}");
        var server = (await ScriptAsync("start")).Trim();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS nolb_outage WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE nolb_outage", admin);
            await create.ExecuteNonQueryAsync();
        }

        connection = new NpgsqlConnectionStringBuilder(server) { Database = "nolb_outage", Timeout = 5 }.ToString();
        await using var context = new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>().UseNpgsql(connection).Options);
        await context.Database.MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (folder.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ScriptAsync("stop");
        }
    }

    public Task PauseAsync() => ScriptAsync("pause");

    public Task ResumeAsync() => ScriptAsync("resume");

    private async Task<string> ScriptAsync(string command)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Nolb.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root (Nolb.slnx) is not above the test binaries");
        }

        var start = new ProcessStartInfo("bash", ["scripts/postgres.sh", command]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NOLB_PG_PORT"] = port;
        start.Environment["NOLB_PG_DIR"] = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres.sh {command}: {await errors}");
        return await output;
    }
}

public sealed class PostgresOutageTests(OwnPostgresAppFactory app) : IClassFixture<OwnPostgresAppFactory>
{
    [OnDatabaseFact(DatabaseProvider.Postgres, "it needs PostgreSQL's server binaries; on SQLite the outage is proven by DatabaseOutageTests")]
    public async Task PostgreSQL_stopped_under_the_app_answers_503_and_started_again_serves_without_a_restart()
    {
        using var api = app.CreateClient();
        using var page = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/leps")).StatusCode);

        await app.PauseAsync();
        HttpResponseMessage apiDown, pageDown;
        try
        {
            apiDown = await api.GetAsync("/api/v1/leps");
            pageDown = await page.GetAsync("/");
        }
        finally
        {
            await app.ResumeAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiDown.StatusCode);
        Assert.Equal("application/problem+json", apiDown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
        Assert.Contains("Sorry, the service is unavailable", await pageDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The first request after the server is back is served: no pooled connection from before the restart is handed out.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/leps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/")).StatusCode);
    }

    /// <summary>
    /// A restart nobody noticed (no request while the server was down) leaves every idle pooled connection dead; Npgsql
    /// cannot tell until one is used (https://github.com/npgsql/npgsql/issues/5073), so without a remedy the first
    /// requests after the restart answer 503 although the server is up.
    /// </summary>
    [OnDatabaseFact(DatabaseProvider.Postgres, "it needs PostgreSQL's server binaries; on SQLite the outage is proven by SqliteStorageFaultTests")]
    public async Task After_a_PostgreSQL_restart_that_no_request_saw_the_first_requests_are_served()
    {
        using var page = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        using var api = app.CreateClient();
        // Several requests at once fill the pool with more than one idle connection.
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.GetAsync("/api/v1/leps"))), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await app.PauseAsync();
        await app.ResumeAsync();

        var first = new[] { await api.GetAsync("/api/v1/leps"), await page.GetAsync("/"), await api.GetAsync("/api/v1/leps") };
        Assert.All(first, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [OnDatabaseFact(DatabaseProvider.Postgres, "it needs PostgreSQL's server binaries; on SQLite the faults are proven by SqliteStorageFaultTests")]
    public async Task Writes_while_PostgreSQL_is_stopped_answer_503_with_retry_after_and_every_acknowledged_note_survives_its_restart()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var engagementId = (await app.PersonAsync(keyWorker: keyWorker)).Engagements.Single().Id;
        using var api = await app.ApiClientAsync(keyWorker.Email!);
        Task<HttpResponseMessage> Note(string text) =>
            api.PostAsJsonAsync($"/api/v1/engagements/{engagementId}/notes", new { date = CaseData.Today, text });
        var before = await Note("Written before the stop");

        await app.PauseAsync();
        HttpResponseMessage during;
        try
        {
            during = await Note("Written while stopped");
        }
        finally
        {
            await app.ResumeAsync();
        }

        var after = await Note("Written after the restart");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        SqliteStorageFaultTests.AssertUnavailable(during);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(
            ["Written after the restart", "Written before the stop"],
            await app.WithDbAsync(db => db.CaseNotes.Where(n => n.EngagementId == engagementId).Select(n => n.Text).OrderBy(t => t).ToListAsync()));
    }
}
