using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Bench;
using Nolb.Bench.Benchmark;
using Nolb.Bench.Generate;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Measurement;

namespace Nolb.Tests.Bench;

/// <summary>
/// The national-scale generator at a tiny scale: the counts and rates it promises, and that every hand-written SQL
/// of the benchmark gives the same figure as the app's own code on that data, so the benchmark's ratios compare
/// like with like.
/// </summary>
public sealed class GeneratorTests : IAsyncLifetime
{
    private const double Scale = 0.004;
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var options = BenchOptions.Parse(["generate", "--database", database.Provider.ToString(), "--connection", database.ConnectionString,
            "--seed", "7", "--scale", Scale.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(0, await GenerateCommand.RunAsync(options, TextWriter.Null));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private HandSql Open() => new(database.Provider, database.ConnectionString);

    private async Task<long> CountAsync(string sqlText)
    {
        await using var sql = Open();
        return await sql.ScalarAsync(sqlText);
    }

    [Fact]
    public async Task Every_LEP_gets_people_in_proportion_and_the_engagements_and_events_the_issue_asks_for()
    {
        var participants = await CountAsync("""SELECT COUNT(*) FROM "Participants" """);
        Assert.InRange(participants, 250_000 * Scale - 32, 250_000 * Scale + 32);
        Assert.Equal(32, await CountAsync("""SELECT COUNT(DISTINCT "LepId") FROM "Participants" """));
        Assert.True(await CountAsync("""SELECT COUNT(*) FROM "Participants" p JOIN "Leps" l ON l."Id" = p."LepId" WHERE l."Code" = 'S12000049'""")
            > 8 * await CountAsync("""SELECT COUNT(*) FROM "Participants" p JOIN "Leps" l ON l."Id" = p."LepId" WHERE l."Code" = 'S12000023'"""),
            "Glasgow City should have many times Orkney's participants");

        var engagements = await CountAsync("""SELECT COUNT(*) FROM "Engagements" """);
        Assert.InRange(engagements, participants * 1.15, participants * 1.21);
        var events = await CountAsync(
            """
            SELECT (SELECT COUNT(*) FROM "StageMoves") + (SELECT COUNT(*) FROM "Interventions") + (SELECT COUNT(*) FROM "CaseNotes")
              + (SELECT COUNT(*) FROM "Appointments") + (SELECT COUNT(*) FROM "Referrals") + (SELECT COUNT(*) FROM "Outcomes")
            """);
        Assert.True(events >= 12 * participants, $"{events} timeline events for {participants} people: the full scale needs 3 million for 250,000");
        Assert.Equal(0, await CountAsync("""SELECT COUNT(*) FROM (SELECT "ParticipantId" FROM "Engagements" WHERE "LeftOn" IS NULL GROUP BY "ParticipantId" HAVING COUNT(*) > 1) x"""));
        Assert.True(await CountAsync("""SELECT COUNT(*) FROM "Engagements" WHERE "LeftOn" IS NULL""") > 0);
    }

    [Fact]
    public async Task The_rates_are_close_to_the_published_ones()
    {
        // Starts at least a year old have had time to reach an outcome.
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var starts = await CountAsync($"""SELECT COUNT(*) FROM "Engagements" WHERE "StartDate" < {Date(cutoff)}""");
        var employed = await CountAsync($"""
            SELECT COUNT(*) FROM "Engagements" e WHERE e."StartDate" < {Date(cutoff)}
              AND EXISTS (SELECT 1 FROM "Outcomes" o WHERE o."EngagementId" = e."Id" AND o."Kind" IN ('JobEntry', 'SelfEmployment'))
            """);
        var learning = await CountAsync($"""
            SELECT COUNT(*) FROM "Engagements" e WHERE e."StartDate" < {Date(cutoff)}
              AND EXISTS (SELECT 1 FROM "Outcomes" o WHERE o."EngagementId" = e."Id" AND o."Kind" IN ('Education', 'Training'))
            """);
        Assert.InRange((double)employed / starts, 0.26, 0.36);
        Assert.InRange((double)learning / starts, 0.10, 0.18);

        var disabled = await CountAsync("""SELECT COUNT(*) FROM "Participants" WHERE "Equality_Disabled" = 'Yes'""");
        var known = await CountAsync("""SELECT COUNT(*) FROM "Participants" WHERE "Equality_Disabled" IN ('Yes', 'No')""");
        Assert.InRange((double)disabled / known, 0.15, 0.25);
    }

    private string Date(string iso) => database.Provider == Nolb.Web.Data.DatabaseProvider.Postgres ? $"DATE '{iso}'" : $"'{iso}'";

    [Fact]
    public async Task Each_hand_written_SQL_gives_the_same_figure_as_the_app()
    {
        await using var sql = Open();
        await using var app = new BenchApp(database.Provider, database.ConnectionString, kestrel: false);
        app.Start();
        var scenarios = await new Scenarios(app, sql, DateOnly.FromDateTime(DateTime.UtcNow)).BuildAsync();
        Assert.Equal(6, scenarios.Count);
        foreach (var scenario in scenarios)
        {
            var fromApp = await scenario.App();
            var fromSql = await scenario.Sql();
            Assert.False(string.IsNullOrWhiteSpace(fromApp), scenario.Name);
            Assert.True(fromApp == fromSql, $"{scenario.Name}: the app says {fromApp}, the SQL says {fromSql}");
        }
    }

    /// <summary>
    /// The dashboards' totals are counted by the database (<see cref="IndicatorTotals"/>); the breakdowns by the indicator
    /// engine over loaded facts. Both must give the same figure for every indicator, area, caseload and period.
    /// </summary>
    [Fact]
    public async Task Every_total_counted_by_the_database_equals_the_indicator_engines()
    {
        await using var sql = Open();
        var glasgow = Guid.Parse(Convert.ToString((await sql.RowsAsync("""SELECT "Id" FROM "Leps" WHERE "Code" = 'S12000049'"""))[0][0], CultureInfo.InvariantCulture)!);
        var orkney = Guid.Parse(Convert.ToString((await sql.RowsAsync("""SELECT "Id" FROM "Leps" WHERE "Code" = 'S12000023'"""))[0][0], CultureInfo.InvariantCulture)!);
        var busiest = Guid.Parse(Convert.ToString((await sql.RowsAsync(
            """SELECT "KeyWorkerId" FROM "Engagements" WHERE "KeyWorkerId" IS NOT NULL GROUP BY "KeyWorkerId" ORDER BY COUNT(*) DESC, "KeyWorkerId" LIMIT 1"""))[0][0],
            CultureInfo.InvariantCulture)!);
        await using var app = new BenchApp(database.Provider, database.ConnectionString, kestrel: false);
        app.Start();
        using var scope = app.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<MeasurementData>();
        var totals = scope.ServiceProvider.GetRequiredService<IndicatorTotals>();
        var live = MeasurementData.Catalogue.Indicators.Where(i => i.IsLive).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var compared = 0;

        foreach (var area in new[] { MeasurementScope.Scotland, new MeasurementScope(glasgow), new MeasurementScope(orkney), new MeasurementScope(glasgow, busiest) })
        {
            foreach (var period in new[] { ReportingPeriod.FinancialYearContaining(today.AddYears(-1)), ReportingPeriod.QuarterContaining(today.AddMonths(-6)), ReportingPeriod.QuarterContaining(today) })
            {
                var facts = await data.LoadAsync(area, period, CancellationToken.None);
                var counted = await totals.CountAsync(area, period, live, CancellationToken.None);
                foreach (var indicator in live)
                {
                    var expected = data.Compute(indicator, facts, period, []).Total;
                    var actual = counted[indicator.Code];
                    Assert.True((expected.Count, expected.Denominator, expected.Value) == (actual.Count, actual.Denominator, actual.Value),
                        $"{indicator.Code}, {period.Label}, LEP {area.LepId?.ToString() ?? "Scotland"}, key worker {area.KeyWorkerId}: the engine says "
                        + $"{expected.Count}/{expected.Denominator}/{expected.Value}, the database {actual.Count}/{actual.Denominator}/{actual.Value}");
                    compared += expected.Count > 0 ? 1 : 0;
                }
            }
        }

        // Most figures must be more than zero, or agreeing would prove little.
        Assert.True(compared > live.Count * 12 / 2, $"only {compared} non-zero figures compared");
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_data()
    {
        await using var again = await TestDatabase.CreateAsync();
        var options = BenchOptions.Parse(["generate", "--database", again.Provider.ToString(), "--connection", again.ConnectionString,
            "--seed", "7", "--scale", Scale.ToString(CultureInfo.InvariantCulture)]);
        await GenerateCommand.RunAsync(options, TextWriter.Null);
        await using var sql = Open();
        await using var other = new HandSql(again.Provider, again.ConnectionString);
        const string fingerprint = """SELECT "Reference", "GivenName", "FamilyName", "DateOfBirth" FROM "Participants" ORDER BY "Id" LIMIT 50""";
        var first = (await sql.RowsAsync(fingerprint)).Select(r => string.Join("|", r)).ToList();
        var second = (await other.RowsAsync(fingerprint)).Select(r => string.Join("|", r)).ToList();
        Assert.Equal(first, second);
    }
}
