using System.Globalization;
using Nolb.Bench.Generate;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Bench.Benchmark;

/// <summary>
/// The participant-level quarterly return, streamed from <c>/api/v1/returns/quarterly</c> and read line by line
/// without keeping it, while the managed heap is sampled: once for Glasgow City (the most rows) and once for
/// Orkney (the fewest), so the report can show whether memory grows with the number of rows.
/// </summary>
public sealed class CsvReturnScenario(HttpClient manager, HttpClient smallManager, HandSql sql, ReportingPeriod quarter)
{
    private (long Rows, double PeakMegabytes) large;
    private (long Rows, double PeakMegabytes) small;

    public Scenario Build()
    {
        var scenario = new Scenario($"Quarterly CSV return, Glasgow City, {quarter.Label} (`/api/v1/returns/quarterly`, streamed)", "< 10 s, flat memory", 10_000,
            async () =>
            {
                large = await StreamAsync(manager, BenchWorld.Glasgow);
                return Describe(large.Rows);
            },
            HandAsync);
        scenario.ExtraCheck = () =>
        {
            scenario.Notes.Clear();
            scenario.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Peak managed heap above the start while streaming: {large.PeakMegabytes:0.0} MB for {large.Rows:N0} rows (Glasgow City), {small.PeakMegabytes:0.0} MB for {small.Rows:N0} rows (Orkney Islands)."));
            return large.PeakMegabytes <= (2 * small.PeakMegabytes) + 16;
        };
        return scenario;
    }

    /// <summary>Measured once before the timed runs: the small LEP's return, for the memory comparison.</summary>
    public async Task MeasureSmallAsync() => small = await StreamAsync(smallManager, Scenarios.SmallestLep);

    private static string Describe(long rows) => string.Create(CultureInfo.InvariantCulture, $"{rows} rows");

    private async Task<(long Rows, double PeakMegabytes)> StreamAsync(HttpClient client, string lep)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var peak = start;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2, CancellationToken.None);
            }
        });
        long rows = -1;
        using (var response = await client.GetAsync($"/api/v1/returns/quarterly?lep={lep}&quarter={quarter.Label}", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync() is not null)
            {
                rows++;
            }
        }

        await sampling.CancelAsync();
        await sampler;
        return (rows, (peak - start) / 1024.0 / 1024.0);
    }

    /// <summary>The same rows by hand: each engagement open in the quarter with the person's fields, stage at the quarter's end, first outcomes and sustainment.</summary>
    private async Task<string> HandAsync()
    {
        long rows = 0;
        var lep = Scenarios.Id((await sql.RowsAsync("""SELECT "Id" FROM "Leps" WHERE "Code" = @code""", ("@code", BenchWorld.Glasgow)))[0][0]);
        await sql.EachAsync(
            """
            SELECT e."ParticipantId", p."DateOfBirth", p."Equality_Sex", p."Equality_TransStatus", p."Equality_Ethnicity", p."Equality_Disabled",
              p."Equality_LongTermHealthCondition", p."Equality_Religion", p."Equality_SexualOrientation", p."Circumstances_CareExperienced",
              p."Circumstances_Parent", p."Circumstances_LoneParent", p."EmploymentStatusAtStart", p."HighestScqfLevel", e."ReferralSource", e."FundingStreams", e."StartDate",
              (SELECT m."Stage" FROM "StageMoves" m WHERE m."EngagementId" = e."Id" AND m."Date" <= @to ORDER BY m."Date" DESC, m."RecordedAt" DESC LIMIT 1),
              CASE WHEN e."LeftOn" <= @to THEN e."LeftOn" END, CASE WHEN e."LeftOn" <= @to THEN e."LeavingReason" END,
              o.first_job, o.first_learning, o.first_volunteering, s.sustained13, s.sustained26, s.sustained52
            FROM "Engagements" e
            JOIN "Participants" p ON p."Id" = e."ParticipantId"
            LEFT JOIN (SELECT "EngagementId",
                         MIN(CASE WHEN "Kind" IN ('JobEntry', 'SelfEmployment') THEN "StartDate" END) AS first_job,
                         MIN(CASE WHEN "Kind" IN ('Education', 'Training') THEN "StartDate" END) AS first_learning,
                         MIN(CASE WHEN "Kind" = 'Volunteering' THEN "StartDate" END) AS first_volunteering
                       FROM "Outcomes" WHERE "LepId" = @lep AND "StartDate" <= @to GROUP BY "EngagementId") o ON o."EngagementId" = e."Id"
            LEFT JOIN (SELECT o2."EngagementId",
                         MIN(CASE WHEN c."Point" = 'Weeks13' THEN c."Result" END) AS sustained13,
                         MIN(CASE WHEN c."Point" = 'Weeks26' THEN c."Result" END) AS sustained26,
                         MIN(CASE WHEN c."Point" = 'Weeks52' THEN c."Result" END) AS sustained52
                       FROM "SustainmentChecks" c JOIN "Outcomes" o2 ON o2."Id" = c."OutcomeId"
                       WHERE c."LepId" = @lep AND c."DueDate" <= @to AND c."Result" IS NOT NULL GROUP BY o2."EngagementId") s ON s."EngagementId" = e."Id"
            WHERE e."LepId" = @lep AND e."StartDate" <= @to AND (e."LeftOn" IS NULL OR e."LeftOn" >= @from)
            ORDER BY e."StartDate", e."Id"
            """,
            [("@lep", lep), ("@from", quarter.From), ("@to", quarter.To)],
            _ => rows++);
        return Describe(rows);
    }
}
