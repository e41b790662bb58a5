using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Nolb.Bench.Generate;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Measurement;

namespace Nolb.Bench.Benchmark;

/// <summary>
/// The six figures of issue 9's benchmark on a generated database. The app side goes through the real HTTP
/// pipeline in-process as a signed-in user (pages with a cookie, API with a bearer token), except the LEP
/// dashboard, which resolves the app's own <see cref="MeasurementData"/> and runs the indicator engine for every live
/// indicator (the dashboard page is not built yet).
/// </summary>
public sealed partial class Scenarios(BenchApp app, HandSql sql, DateOnly today)
{
    /// <summary>As the app writes it: camelCase names, enums as their names.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<Scenario>> BuildAsync()
    {
        var glasgow = (Guid)Id((await sql.RowsAsync("""SELECT "Id" FROM "Leps" WHERE "Code" = @code""", ("@code", BenchWorld.Glasgow)))[0][0]);
        var busiest = (await sql.RowsAsync(
            """
            SELECT u."Id", u."Email" FROM "Engagements" e JOIN "AspNetUsers" u ON u."Id" = e."KeyWorkerId"
            WHERE e."LeftOn" IS NULL AND e."LepId" = @lep GROUP BY u."Id", u."Email" ORDER BY COUNT(*) DESC, u."Email" LIMIT 1
            """, ("@lep", glasgow)))[0];
        var keyWorker = Id(busiest[0]);
        var keyWorkerEmail = (string)busiest[1]!;
        var person = (await sql.RowsAsync(
            """
            SELECT e."ParticipantId", e."Id", e."StartDate" FROM "Engagements" e
            WHERE e."LeftOn" IS NULL AND e."KeyWorkerId" = @kw
            ORDER BY (SELECT COUNT(*) FROM "CaseNotes" n WHERE n."EngagementId" = e."Id") DESC, e."Id" LIMIT 1
            """, ("@kw", keyWorker)))[0];
        var vacancy = Id((await sql.RowsAsync(
            """SELECT "Id" FROM "Vacancies" WHERE "LepId" = @lep AND "Status" = 'Open' AND "ClosingDate" >= @today ORDER BY "Id" LIMIT 1""",
            ("@lep", glasgow), ("@today", today)))[0][0]);
        var year = ReportingPeriod.FinancialYearContaining(today.AddYears(-1));
        var quarter = ReportingPeriod.QuarterContaining(today.AddMonths(-3));

        var keyWorkerPages = await app.PageClientAsync(keyWorkerEmail);
        var analyst = await app.ApiClientAsync(BenchWorld.AnalystEmail);
        var manager = await app.ApiClientAsync(BenchWorld.ManagerEmail(BenchWorld.Glasgow));
        var smallManager = await app.ApiClientAsync(BenchWorld.ManagerEmail(SmallestLep));
        var employerOfficer = await app.ApiClientAsync(BenchWorld.EmployerOfficerEmail(BenchWorld.Glasgow));
        var csv = new CsvReturnScenario(manager, smallManager, sql, quarter);
        await csv.MeasureSmallAsync();

        Scenario dashboard = null!;
        var firstDashboard = true;
        dashboard = new($"LEP dashboard, Glasgow City, {year.Label}: every live indicator, the year before and Scotland (`/api/v1/dashboards/lep`)", "< 200 ms", 200,
            async () =>
            {
                // The first request counts Scotland; later ones within ten minutes use the Scotland figures kept from it. Before
                // timing the first, the year before is asked for, so that the first is timed warm (code compiled, queries planned).
                if (firstDashboard)
                {
                    await AppDashboardAsync(manager, year.Previous());
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                var figure = await AppDashboardAsync(manager, year);
                if (firstDashboard)
                {
                    firstDashboard = false;
                    dashboard.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"The first request, which counts Scotland's figures (kept for 10 minutes), took {clock.Elapsed.TotalMilliseconds:0} ms; the times above are later requests."));
                }

                return figure;
            },
            () => HandDashboardAsync(glasgow, year));

        return
        [
            new("Key worker's caseload page (`/Caseload`)", "< 200 ms", 200,
                async () => CaseCount().Match(await keyWorkerPages.GetStringAsync("/Caseload")).Groups[1].Value.Replace(",", "", StringComparison.Ordinal),
                () => HandCaseloadAsync(glasgow, keyWorker)),
            new("Participant's record and timeline (`/Participants/{id}`)", "< 200 ms", 200,
                async () => TimelineItem().Count(await keyWorkerPages.GetStringAsync($"/Participants/{Id(person[0])}")).ToString(CultureInfo.InvariantCulture),
                () => HandTimelineAsync(Id(person[0]), Id(person[1]), (DateOnly)Date(person[2]))),
            dashboard,
            new($"National quarterly tables with disclosure control, {quarter.Label} (`/api/v1/statistics/national`)", "< 2 s", 2000,
                () => AppNationalAsync(analyst, quarter),
                () => HandNationalAsync(quarter)),
            csv.Build(),
            new("Job matching: one vacancy against Glasgow City (`/api/v1/vacancies/{id}/matches`)", "< 200 ms", 200,
                () => AppMatchesAsync(employerOfficer, vacancy),
                () => HandMatchesAsync(glasgow, vacancy)),
        ];
    }

    /// <summary>The LEP with the fewest people, for the CSV's memory comparison.</summary>
    public const string SmallestLep = "S12000023";

    public static Guid Id(object? value) => value switch
    {
        Guid id => id,
        string text => Guid.Parse(text),
        _ => throw new InvalidCastException($"Not an id: {value}"),
    };

    public static DateOnly Date(object? value) => value switch
    {
        DateOnly date => date,
        DateTime instant => DateOnly.FromDateTime(instant),
        string text => DateOnly.Parse(text[..10], CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Not a date: {value}"),
    };

    private async Task<string> HandCaseloadAsync(Guid lep, Guid keyWorker)
    {
        // The page's own figure and first page: open cases, last activity, overdue actions, next appointment, by family name.
        var rows = await sql.RowsAsync(
            """
            SELECT COUNT(*) OVER () AS total, e."Id", p."Reference", COALESCE(p."PreferredName", p."GivenName") || ' ' || p."FamilyName" AS name, e."CurrentStage",
              (SELECT MAX(m."Date") FROM "StageMoves" m WHERE m."EngagementId" = e."Id") AS last_move,
              (SELECT MAX(n."Date") FROM "CaseNotes" n WHERE n."EngagementId" = e."Id") AS last_note,
              (SELECT MAX(a."StartsAt") FROM "Appointments" a WHERE a."EngagementId" = e."Id" AND a."Attendance" = 'Attended') AS last_attended,
              (SELECT MIN(a."StartsAt") FROM "Appointments" a WHERE a."EngagementId" = e."Id" AND a."Attendance" IS NULL AND a."StartsAt" >= @now) AS next_appointment,
              (SELECT COUNT(*) FROM "ActionPlanItems" i JOIN "ActionPlans" ap ON ap."Id" = i."ActionPlanId"
               WHERE ap."EngagementId" = e."Id" AND i."DueDate" < @today AND i."Status" IN ('NotStarted', 'InProgress')) AS overdue,
              (SELECT u."DisplayName" FROM "AspNetUsers" u WHERE u."Id" = e."KeyWorkerId") AS key_worker
            FROM "Engagements" e JOIN "Participants" p ON p."Id" = e."ParticipantId"
            WHERE e."LeftOn" IS NULL AND p."LepId" = @lep AND e."KeyWorkerId" = @kw
            ORDER BY p."FamilyName", name LIMIT 25
            """,
            ("@lep", lep), ("@kw", keyWorker), ("@today", today), ("@now", DateTime.UtcNow));
        return rows.Count == 0 ? "0" : Convert.ToInt64(rows[0][0], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> HandTimelineAsync(Guid participant, Guid engagement, DateOnly start)
    {
        var rows = await sql.RowsAsync(
            """
            SELECT kind, happened FROM (
              SELECT 'stage' AS kind, "Date" AS happened FROM "StageMoves" WHERE "EngagementId" = @e
              UNION ALL SELECT 'assignment', "RecordedAt" FROM "CaseAssignments" WHERE "EngagementId" = @e
              UNION ALL SELECT 'intervention', "StartDate" FROM "Interventions" WHERE "EngagementId" = @e
              UNION ALL SELECT 'note', "Date" FROM "CaseNotes" WHERE "EngagementId" = @e
              UNION ALL SELECT 'appointment', "StartsAt" FROM "Appointments" WHERE "EngagementId" = @e
              UNION ALL SELECT 'assessment', "AssessedOn" FROM "NeedsAssessments" WHERE "EngagementId" = @e
              UNION ALL SELECT 'action', i."CreatedAt" FROM "ActionPlanItems" i JOIN "ActionPlans" p ON p."Id" = i."ActionPlanId" WHERE p."EngagementId" = @e
              UNION ALL SELECT 'referral', "SentAt" FROM "Referrals" WHERE "ParticipantId" = @p AND "Direction" = 'Outbound' AND "SentAt" >= @from
            ) timeline ORDER BY happened DESC
            """,
            ("@e", engagement), ("@p", participant), ("@from", start.ToDateTime(TimeOnly.MinValue).AddHours(-1)));
        return rows.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The LEP dashboard as its manager gets it (`/api/v1/dashboards/lep`): every live indicator for the year, the year
    /// before and Scotland, and the intersection table. The SQL it is compared with computes only the four headline
    /// figures for the year, so the ratio overstates what the same work would cost by hand.
    /// </summary>
    private static async Task<string> AppDashboardAsync(HttpClient manager, ReportingPeriod year)
    {
        var dashboard = await manager.GetFromJsonAsync<Dashboard>($"/api/v1/dashboards/lep?period={year.Label}", Json);
        var figures = dashboard!.Themes.SelectMany(t => t.Figures).ToDictionary(f => f.Code, f => (long)(f.Current.Number ?? -1), StringComparer.Ordinal);
        return Headline(figures["starts"], figures["supported"], figures["job-entries"], figures["leavers"]);
    }

    private static string Headline(long starts, long supported, long jobs, long leavers) =>
        string.Create(CultureInfo.InvariantCulture, $"starts {starts}, supported {supported}, job entries {jobs}, leavers {leavers}");

    private async Task<string> HandDashboardAsync(Guid lep, ReportingPeriod year)
    {
        var row = (await sql.RowsAsync(
            """
            SELECT
              (SELECT COUNT(*) FROM "Engagements" WHERE "LepId" = @lep AND "StartDate" BETWEEN @from AND @to),
              (SELECT COUNT(DISTINCT "ParticipantId") FROM "Engagements" WHERE "LepId" = @lep AND "StartDate" <= @to AND ("LeftOn" IS NULL OR "LeftOn" >= @from)),
              (SELECT COUNT(*) FROM "Outcomes" o JOIN "Engagements" e ON e."Id" = o."EngagementId"
               WHERE o."LepId" = @lep AND e."LepId" = @lep AND o."Kind" IN ('JobEntry', 'SelfEmployment') AND o."StartDate" BETWEEN @from AND @to
                 AND e."StartDate" <= @to AND (e."LeftOn" IS NULL OR e."LeftOn" >= @window)),
              (SELECT COUNT(*) FROM "Engagements" WHERE "LepId" = @lep AND "LeftOn" BETWEEN @from AND @to)
            """,
            ("@lep", lep), ("@from", year.From), ("@to", year.To), ("@window", year.From.AddMonths(-13))))[0];
        return Headline(Long(row[0]), Long(row[1]), Long(row[2]), Long(row[3]));
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static async Task<string> AppNationalAsync(HttpClient analyst, ReportingPeriod quarter)
    {
        var statistics = await analyst.GetFromJsonAsync<NationalStatistics>($"/api/v1/statistics/national?quarter={quarter.Label}", Json);
        // Disclosure control never hides a Scotland total, so every one is compared.
        string Total(string indicator) => statistics!.Tables.First(t => t.Indicator == indicator).Scotland.Total.Value?.ToString(CultureInfo.InvariantCulture) ?? "[c]";
        return string.Create(CultureInfo.InvariantCulture,
            $"Scotland: starts {Total("starts")}, job entries {Total("job-entries")}, leavers {Total("leavers")}");
    }

    private async Task<string> HandNationalAsync(ReportingPeriod quarter)
    {
        // The count tables by LEP: starts, people supported and job entries by sex, leavers by reason.
        var parameters = new[] { ("@from", (object)quarter.From), ("@to", quarter.To), ("@window", quarter.From.AddMonths(-13)) };
        var starts = await sql.RowsAsync(
            """
            SELECT e."LepId", p."Equality_Sex", COUNT(*) FROM "Engagements" e JOIN "Participants" p ON p."Id" = e."ParticipantId"
            WHERE e."StartDate" BETWEEN @from AND @to GROUP BY e."LepId", p."Equality_Sex"
            """, parameters);
        await sql.RowsAsync(
            """
            SELECT e."LepId", p."Equality_Sex", COUNT(DISTINCT e."ParticipantId") FROM "Engagements" e JOIN "Participants" p ON p."Id" = e."ParticipantId"
            WHERE e."StartDate" <= @to AND (e."LeftOn" IS NULL OR e."LeftOn" >= @from) GROUP BY e."LepId", p."Equality_Sex"
            """, parameters);
        var jobs = await sql.RowsAsync(
            """
            SELECT e."LepId", p."Equality_Sex", COUNT(*) FROM "Outcomes" o JOIN "Engagements" e ON e."Id" = o."EngagementId" JOIN "Participants" p ON p."Id" = e."ParticipantId"
            WHERE o."Kind" IN ('JobEntry', 'SelfEmployment') AND o."StartDate" BETWEEN @from AND @to
              AND e."StartDate" <= @to AND (e."LeftOn" IS NULL OR e."LeftOn" >= @window)
            GROUP BY e."LepId", p."Equality_Sex"
            """, parameters);
        var leavers = await sql.RowsAsync(
            """SELECT "LepId", "LeavingReason", COUNT(*) FROM "Engagements" WHERE "LeftOn" BETWEEN @from AND @to GROUP BY "LepId", "LeavingReason" """, parameters);
        static long Sum(List<object?[]> rows) => rows.Sum(r => Long(r[2]));
        return string.Create(CultureInfo.InvariantCulture, $"Scotland: starts {Sum(starts)}, job entries {Sum(jobs)}, leavers {Sum(leavers)}");
    }

    private static async Task<string> AppMatchesAsync(HttpClient officer, Guid vacancy)
    {
        var matches = await officer.GetFromJsonAsync<List<EmployersApi.PersonMatchDto>>($"/api/v1/vacancies/{vacancy}/matches", Json);
        return string.Join(" ", matches!.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Reference}:{m.Score}")));
    }

    private async Task<string> HandMatchesAsync(Guid lep, Guid vacancyId)
    {
        var v = (await sql.RowsAsync(
            """SELECT "SocCode", "HoursPerWeek", "Days", "Postcode", "MinimumScqfLevel", "DrivingLicenceRequired" FROM "Vacancies" WHERE "Id" = @id""",
            ("@id", vacancyId)))[0];
        var job = new JobFacts((string)v[0]!, Decimal(v[1]), Enums<DayOfWeek>(v[2]), JobMatcher.PostcodeDistrict((string?)v[3]), Int(v[4]), Bool(v[5]));

        // Everyone in stage 3 or 4 of an open engagement, with their job goals and the transport and childcare
        // scores of their latest needs assessment: everything the score needs, in one query.
        var rows = await sql.RowsAsync(
            """
            SELECT e."Id", e."ParticipantId", p."Reference", COALESCE(p."PreferredName", p."GivenName") || ' ' || p."FamilyName", e."CurrentStage", e."KeyWorkerId",
              p."Postcode", p."HighestScqfLevel", j."SocGoals", j."MinHoursPerWeek", j."MaxHoursPerWeek", j."AvailableDays", j."Travel", j."HasDrivingLicence",
              (SELECT COUNT(*) FROM "DomainScores" s WHERE s."NeedsAssessmentId" = latest.id AND s."Domain" = 'Transport' AND s."Score" <= 2),
              (SELECT COUNT(*) FROM "DomainScores" s WHERE s."NeedsAssessmentId" = latest.id AND s."Domain" = 'Childcare' AND s."Score" <= 2)
            FROM "Engagements" e
            JOIN "Participants" p ON p."Id" = e."ParticipantId"
            LEFT JOIN "JobPreferences" j ON j."ParticipantId" = e."ParticipantId"
            LEFT JOIN (SELECT a."EngagementId" AS engagement, a."Id" AS id,
                         ROW_NUMBER() OVER (PARTITION BY a."EngagementId" ORDER BY a."AssessedOn" DESC, a."RecordedAt" DESC) AS n
                       FROM "NeedsAssessments" a WHERE a."LepId" = @lep) latest ON latest.engagement = e."Id" AND latest.n = 1
            WHERE e."LepId" = @lep AND p."LepId" = @lep AND e."LeftOn" IS NULL AND e."CurrentStage" IN ('VocationalActivity', 'EmployerEngagementAndJobMatching')
            """, ("@lep", lep));
        var candidates = rows.Select(r => new JobMatching.Candidate(
            Id(r[1]), Id(r[0]), (string)r[2]!, (string)r[3]!, (int)Enum.Parse<PipelineStage>((string)r[4]!), r[5] is null ? null : Id(r[5]),
            new PersonFacts(Strings(r[8]), Decimal(r[9]), Decimal(r[10]), Enums<DayOfWeek>(r[11]), r[12] is null ? TravelBand.SameArea : Enum.Parse<TravelBand>((string)r[12]!),
                JobMatcher.PostcodeDistrict((string?)r[6]), Int(r[7]), Bool(r[13]), Long(r[14]) > 0, Long(r[15]) > 0))).ToList();
        return string.Join(" ", JobMatching.Rank(job, candidates, JobMatching.DefaultLimit)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Reference}:{m.Match.Score}")));
    }

    private static decimal? Decimal(object? value) => value switch
    {
        null => null,
        string text => decimal.Parse(text, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static bool Bool(object? value) => value is not null && Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    /// <summary>A primitive collection: JSON text on SQLite, an array on PostgreSQL.</summary>
    private static List<string> Strings(object? value) => value switch
    {
        null => [],
        string json => JsonSerializer.Deserialize<List<string>>(json) ?? [],
        string[] array => [.. array],
        _ => throw new InvalidCastException($"Not a list: {value}"),
    };

    private static List<T> Enums<T>(object? value) where T : struct, Enum => Strings(value).Select(Enum.Parse<T>).ToList();

    [GeneratedRegex(@"<p>([\d,]+) open cases?\.</p>")]
    private static partial Regex CaseCount();

    [GeneratedRegex("class=\"nolb-timeline__item\"")]
    private static partial Regex TimelineItem();
}
