using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.DeliveryPlans;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Data;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.DeliveryPlans;

namespace Nolb.Tests.Proof;

/// <summary>
/// The database taken away under a running app answers 503 (a problem detail for the API, a friendly page for
/// pages) and the app serves again as soon as it is back, without a restart. Proven on SQLite by putting a
/// folder where the database file was (every connection then fails to open it, SQLITE_CANTOPEN).
/// </summary>
public sealed class DatabaseOutageTests(UnpooledSqliteFileAppFactory app) : IClassFixture<UnpooledSqliteFileAppFactory>
{
    [OnDatabaseFact(DatabaseProvider.Sqlite, "the file trick is SQLite's; on PostgreSQL the outage is proven by PostgresOutageTests")]
    public async Task The_database_going_away_answers_503_and_the_app_recovers_when_it_returns()
    {
        using var api = app.CreateClient();
        using var page = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/leps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/")).StatusCode);

        File.Move(app.FilePath, app.FilePath + ".away");
        Directory.CreateDirectory(app.FilePath);
        HttpResponseMessage apiDown, pageDown;
        try
        {
            apiDown = await api.GetAsync("/api/v1/leps");
            pageDown = await page.GetAsync("/");
        }
        finally
        {
            Directory.Delete(app.FilePath);
            File.Move(app.FilePath + ".away", app.FilePath);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiDown.StatusCode);
        Assert.Equal("application/problem+json", apiDown.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(apiDown.Headers.RetryAfter);
        Assert.Contains("cannot reach its database", await apiDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
        Assert.Contains("Sorry, the service is unavailable", await pageDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/leps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/")).StatusCode);
    }
}

/// <summary>Nolb with a fault injected into its database commands: the Nth insert into one table throws, as a crash would.</summary>
public sealed class CrashingAppFactory : NolbAppFactory
{
    public InsertCrash Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteNolbDbContext>(options => options.AddInterceptors(Crash));
            services.ConfigureDbContext<PostgresNolbDbContext>(options => options.AddInterceptors(Crash));
        });
    }
}

/// <summary>Throws just after the Nth INSERT into the armed table has run, once; counts nothing while disarmed.</summary>
public sealed class InsertCrash : DbCommandInterceptor
{
    private string? table;
    private int remaining;

    public void Arm(string tableName, int failOnInsert)
    {
        table = tableName;
        remaining = failOnInsert;
    }

    // After the command ran: its rows are written inside the transaction, then the process "crashes".
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (table is null)
        {
            return;
        }

        var inserts = command.CommandText.Split($"INSERT INTO \"{table}\"").Length - 1;
        if (inserts > 0 && (remaining -= inserts) <= 0)
        {
            table = null;
            throw new InvalidOperationException("Injected crash in the middle of an import");
        }
    }
}

/// <summary>A crash half way through an import leaves nothing half-written.</summary>
public sealed class ImportCrashTests(CrashingAppFactory app) : IClassFixture<CrashingAppFactory>
{
    [Fact]
    public async Task A_crash_after_half_the_services_of_an_hsds_import_leaves_the_directory_as_it_was()
    {
        using var admin = await app.AdminApiClientAsync();
        var organisation = Guid.NewGuid();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var json = "[" + string.Join(",", ids.Select(id =>
            """{"id":"%A%","name":"Crash %B%","status":"active","organization":{"id":"%C%","name":"Crash Org %D%"}}""".Replace("%A%", id.ToString(), StringComparison.Ordinal).Replace("%B%", id.ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("%C%", organisation.ToString(), StringComparison.Ordinal).Replace("%D%", organisation.ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]";
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var before = (await app.CountAsync<DirectoryService>(), await app.CountAsync<Web.Domain.Organisation>(), await app.CountAsync<ServiceLocation>());

        app.Crash.Arm("DirectoryServices", failOnInsert: 3);
        var response = await admin.PostAsync("/api/v1/directory/import", body);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(before, (await app.CountAsync<DirectoryService>(), await app.CountAsync<Web.Domain.Organisation>(), await app.CountAsync<ServiceLocation>()));
        Assert.False(await app.WithDbAsync(db => db.DirectoryServices.AnyAsync(s => ids.Contains(s.Id))));
    }

    [Fact]
    public async Task A_crash_after_half_the_rows_of_an_annex_2_import_keeps_the_rows_the_plan_had()
    {
        var (_, client) = await app.ManagerAsync();
        var partnerName = CaseData.UniqueName("Partner");
        var partner = await PlanTestData.OrganisationAsync(app, partnerName);
        var planId = await client.PlanAsync();
        (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/annex2", PlanTestData.Row(partner, "Kept row"))).EnsureSuccessStatusCode();
        var rows = Enumerable.Range(1, 4).Select(i => new[] { $"Group {i}", "Why", partnerName, "1000", "No One Left Behind", "10", "Grant", "Jobs" }).ToArray();
        var workbook = new ByteArrayContent(PlanExportTests.HandFilled(rows));
        workbook.Headers.ContentType = new MediaTypeHeaderValue(Annex2Workbook.ContentType);
        Task<List<string>> Rows() => app.WithDbAsync(db => db.ServiceDeliveryRequirements.Where(r => r.PlanId == planId).Select(r => r.TargetGroup).ToListAsync());

        app.Crash.Arm("ServiceDeliveryRequirements", failOnInsert: 2);
        var response = await client.PostAsync($"/api/v1/plans/{planId}/annex2/import", workbook);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("Kept row", Assert.Single(await Rows()));
    }
}
