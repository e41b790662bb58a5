using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>One publication: <see cref="PublishedBy"/> approved it, <see cref="PreparedBy"/> prepared its draft (null before publishing needed two people).</summary>
public sealed record PublicationSummary(string Quarter, int Number, DateTime PublishedAt, string PublishedBy, bool ProvisionalWhenPublished, int Revisions, string? PreparedBy = null);

/// <summary>A published figure that differs from the same figure in the quarter's previous publication.</summary>
public sealed record Revision(
    string Table, string Row, string Column, string Previous, string Current, int PreviousNumber, DateTime PreviousPublishedAt, int CurrentNumber, DateTime CurrentPublishedAt);

/// <summary>
/// A quarter as published: its latest tables, whether the quarter is provisional now, the figures revised by the
/// latest publication, and the history of every publication with the revisions each made.
/// </summary>
public sealed record PublishedQuarter(
    string Quarter, bool ProvisionalNow, PublicationSummary Latest, NationalStatistics Statistics, IReadOnlyList<Revision> Revisions,
    IReadOnlyList<PublicationSummary> History, IReadOnlyList<Revision> AllRevisions);

/// <summary>A draft of a quarter's publication as listed: who prepared it, and what became of it.</summary>
public sealed record DraftSummary(
    Guid Id, string Quarter, DraftStatus Status, DateTime PreparedAt, string PreparedBy, DateTime? DecidedAt, string? DecidedBy, string? Reason, int? PublicationNumber);

/// <summary>
/// A draft with the exact tables approval would publish, the figures it would revise against the quarter's latest
/// publication, and whether the current user may approve it (not when they prepared it).
/// </summary>
public sealed record DraftPreview(DraftSummary Draft, NationalStatistics Statistics, IReadOnlyList<Revision> Revisions, bool YouMayApprove);

/// <summary>
/// Publishing a quarter's national tables: a snapshot of the disclosure-controlled figures (only what the tables
/// show, never a person's data), who published them and when. Publishing is two acts by two national analysts on
/// a quarter that has ended: one prepares a draft (the figures frozen, to preview), a different one approves it,
/// and approval publishes exactly the draft's figures. Publishing the same quarter again keeps the earlier
/// snapshot; the differences between consecutive snapshots are the quarter's revisions.
/// </summary>
public sealed class Publications(NolbDbContext db, Statistics statistics, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string ConflictMessage = "Someone else approved or withdrew this draft at the same moment. Look at the draft again";

    private string UserName => user.DisplayName ?? user.Email ?? "A national analyst";

    /// <summary>
    /// Freezes the quarter's figures as a draft for a second analyst to approve. A quarter still running (or
    /// ending today, in UK dates) is refused: its figures would be published before every day of it had happened.
    /// </summary>
    public async Task<PlanningResult<DraftPreview>> PrepareAsync(ReportingPeriod quarter, CancellationToken ct)
    {
        if (!user.Has(Permissions.Statistics.Publish))
        {
            return PlanningResult.Forbidden<DraftPreview>();
        }

        if (quarter.To >= statistics.Today)
        {
            return PlanningResult.Invalid<DraftPreview>("quarter",
                $"{quarter.Label} ({quarter.Describe()}) has not ended, so it cannot be published yet. It can be published from "
                + $"{quarter.To.AddDays(1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. Choose a quarter that has ended");
        }

        if (await db.StatisticsDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Quarter == quarter.Label && d.Status == DraftStatus.AwaitingApproval, ct) is { } waiting)
        {
            return PlanningResult.Invalid<DraftPreview>("quarter",
                $"A draft of {quarter.Label} prepared by {waiting.PreparedBy} is waiting for approval. Approve or withdraw it before preparing another");
        }

        var tables = await statistics.NationalAsync(quarter, ct);
        var previous = await db.StatisticsPublications.AsNoTracking().Where(p => p.Quarter == quarter.Label).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            // A revision shows only changes big enough not to reveal a late-recorded person (see HoldSmallChanges).
            tables = HoldSmallChanges(Tables(previous), tables);
        }

        var draft = new StatisticsDraft
        {
            Quarter = quarter.Label,
            PreparedAt = clock.GetUtcNow().UtcDateTime,
            PreparedByUserId = user.Id,
            PreparedBy = UserName,
            Provisional = tables.Period.Provisional,
            Tables = JsonSerializer.Serialize(tables, Json),
        };
        db.StatisticsDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done((await DraftAsync(draft.Id, ct))!);
    }

    /// <summary>The draft with its tables, or null when there is no such draft.</summary>
    public async Task<DraftPreview?> DraftAsync(Guid id, CancellationToken ct)
    {
        if (await db.StatisticsDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } draft)
        {
            return null;
        }

        var tables = JsonSerializer.Deserialize<NationalStatistics>(draft.Tables, Json)!;
        var latest = await db.StatisticsPublications.AsNoTracking().Where(p => p.Quarter == draft.Quarter && p.PublishedAt <= draft.PreparedAt)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        var revisions = latest is null
            ? []
            : Compare(Tables(latest), latest.Number, latest.PublishedAt, tables, draft.PublicationNumber ?? latest.Number + 1, draft.DecidedAt ?? draft.PreparedAt).ToList();
        return new DraftPreview(Summary(draft), tables, revisions, draft.Status == DraftStatus.AwaitingApproval && draft.PreparedByUserId != user.Id);
    }

    public async Task<IReadOnlyList<DraftSummary>> DraftsAsync(CancellationToken ct) =>
        (await db.StatisticsDrafts.AsNoTracking().OrderByDescending(d => d.PreparedAt).Take(50).ToListAsync(ct)).Select(Summary).ToList();

    /// <summary>
    /// A second national analyst approves the draft: its frozen figures become the quarter's next publication, in
    /// one save with the draft's change of status, so two approvals at once publish once (the draft's version).
    /// </summary>
    public async Task<PlanningResult<PublishedQuarter>> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (!user.Has(Permissions.Statistics.Publish))
        {
            return PlanningResult.Forbidden<PublishedQuarter>();
        }

        if (await db.StatisticsDrafts.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } draft)
        {
            return PlanningResult.NotFound<PublishedQuarter>();
        }

        if (ReportingPeriod.Parse(draft.Quarter) is not { } quarter || quarter.To >= statistics.Today)
        {
            return PlanningResult.Invalid<PublishedQuarter>("status", $"{draft.Quarter} has not ended, so it cannot be published yet");
        }

        var published = await db.StatisticsPublications.Where(p => p.Quarter == draft.Quarter)
            .Select(p => new { p.Number, p.PublishedAt }).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        if (draft.Status == DraftStatus.AwaitingApproval && published is not null && published.PublishedAt > draft.PreparedAt)
        {
            // Approving would publish figures older than the ones already out, as if they were a revision.
            return PlanningResult.Invalid<PublishedQuarter>("status",
                $"{draft.Quarter} was published again (publication {published.Number}) after this draft was prepared. Withdraw this draft and prepare the quarter again");
        }

        var result = draft.Approve(user.Id ?? Guid.Empty, UserName, clock.GetUtcNow().UtcDateTime, (published?.Number ?? 0) + 1);
        if (!result.Succeeded)
        {
            return PlanningResult.Invalid<PublishedQuarter>(result.Field!, result.Error!);
        }

        db.StatisticsPublications.Add(result.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The draft's version (approved or withdrawn by someone else meanwhile) or the unique (quarter, number)
            // index (another draft of the quarter published at the same moment): nothing is published twice.
            db.ChangeTracker.Clear();
            return PlanningResult.Conflict<PublishedQuarter>(ConflictMessage);
        }

        return PlanningResult.Done((await QuarterAsync(draft.Quarter, ct))!);
    }

    /// <summary>Withdraws a waiting draft with a reason: its preparer changing their mind, or the second analyst rejecting it.</summary>
    public async Task<PlanningResult<DraftSummary>> WithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!user.Has(Permissions.Statistics.Publish))
        {
            return PlanningResult.Forbidden<DraftSummary>();
        }

        if (await db.StatisticsDrafts.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } draft)
        {
            return PlanningResult.NotFound<DraftSummary>();
        }

        var result = draft.Withdraw(user.Id ?? Guid.Empty, UserName, reason, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return PlanningResult.Invalid<DraftSummary>(result.Field!, result.Error!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PlanningResult.Conflict<DraftSummary>(ConflictMessage);
        }

        return PlanningResult.Done(Summary(draft));
    }

    private static DraftSummary Summary(StatisticsDraft d) =>
        new(d.Id, d.Quarter, d.Status, d.PreparedAt, d.PreparedBy, d.DecidedAt, d.DecidedBy, d.Reason, d.PublicationNumber);

    public async Task<IReadOnlyList<PublicationSummary>> ListAsync(CancellationToken ct)
    {
        var all = await db.StatisticsPublications.AsNoTracking().OrderByDescending(p => p.Quarter).ThenByDescending(p => p.Number).ToListAsync(ct);
        return all.GroupBy(p => p.Quarter).SelectMany(g => Summaries(g.OrderBy(p => p.Number).ToList()).AsEnumerable().Reverse()).ToList();
    }

    /// <summary>The quarter as published, or null when it has never been published.</summary>
    public async Task<PublishedQuarter?> QuarterAsync(string quarter, CancellationToken ct)
    {
        var publications = await db.StatisticsPublications.AsNoTracking().Where(p => p.Quarter == quarter).OrderBy(p => p.Number).ToListAsync(ct);
        if (publications.Count == 0)
        {
            return null;
        }

        var history = Summaries(publications);
        var all = new List<Revision>();
        for (var i = 1; i < publications.Count; i++)
        {
            all.AddRange(Compare(publications[i - 1], publications[i]));
        }

        var latest = publications[^1];
        var tables = Tables(latest);
        var provisionalNow = ReportingPeriod.Parse(quarter)!.IsProvisionalOn(statistics.Today);
        return new PublishedQuarter(
            quarter, provisionalNow, history[^1], tables with { Period = tables.Period with { Provisional = provisionalNow } },
            all.Where(r => r.CurrentNumber == latest.Number).ToList(), history.AsEnumerable().Reverse().ToList(), all);
    }

    private static List<PublicationSummary> Summaries(List<StatisticsPublication> ordered) =>
        ordered.Select((p, i) => new PublicationSummary(
            p.Quarter, p.Number, p.PublishedAt, p.PublishedBy, p.ProvisionalWhenPublished, i == 0 ? 0 : Compare(ordered[i - 1], p).Count(), p.PreparedBy)).ToList();

    private static NationalStatistics Tables(StatisticsPublication p) => JsonSerializer.Deserialize<NationalStatistics>(p.Tables, Json)!;

    private static IEnumerable<Revision> Compare(StatisticsPublication before, StatisticsPublication after) =>
        Compare(Tables(before), before.Number, before.PublishedAt, Tables(after), after.Number, after.PublishedAt);

    private static IEnumerable<Revision> Compare(
        NationalStatistics before, int beforeNumber, DateTime beforeAt, NationalStatistics after, int afterNumber, DateTime afterAt)
    {
        var previous = Cells(before).ToDictionary(c => (c.Table, c.Row, c.Column), c => c.Display);
        foreach (var cell in Cells(after))
        {
            if (previous.TryGetValue((cell.Table, cell.Row, cell.Column), out var was) && was != cell.Display)
            {
                yield return new Revision(cell.Table, cell.Row, cell.Column, was, cell.Display, beforeNumber, beforeAt, afterNumber, afterAt);
            }
        }
    }

    /// <summary>
    /// A revision must not tell a differencing attacker about a small group: one late start that moved three figures by
    /// one each would say that person's sex, age band and disability: disclosure by differencing two releases
    /// (FCSM Statistical Policy Working Paper 22, "Report on Statistical Disclosure Limitation Methodology"). So a figure published as a number keeps it until its true value
    /// has moved by at least the threshold (5), and a figure published as [c] or [x] stays so in every later publication
    /// of the quarter: it may have been hidden to protect another figure, whatever its own size. Changes held back are released
    /// together once they add up. A republished table can then be off by up to 4 in a figure, as the cover says.
    /// </summary>
    public static NationalStatistics HoldSmallChanges(NationalStatistics published, NationalStatistics current, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var before = published.Tables.GroupBy(t => t.Title).ToDictionary(g => g.Key, g => g.First());
        return current with { Tables = current.Tables.Select(t => before.TryGetValue(t.Title, out var old) ? HoldTable(old, t) : t).ToList() };

        NationalTable HoldTable(NationalTable old, NationalTable table)
        {
            var oldRows = old.Rows.Append(old.Scotland).GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.First());
            TableRow HoldRow(TableRow row)
            {
                if (!oldRows.TryGetValue(row.Label, out var was))
                {
                    return row;
                }

                var cells = row.Cells.Select((cell, i) => old.Columns.ToList().IndexOf(table.Columns[i]) is var j && j >= 0 && j < was.Cells.Count ? Held(was.Cells[j], cell) : cell).ToList();
                var percentage = row.Percentage is null || cells.Count != 2 ? row.Percentage : DisclosureControl.Percentage(Shown(cells[0]), Shown(cells[1]), rules);
                return row with { Cells = cells, Total = Held(was.Total, row.Total), Percentage = percentage };
            }

            // A group that was not in the table before (the first 16 to 19 year old) appears once it is large enough
            // that its appearing does not say one or two people joined it.
            var columns = table.Columns.Select((name, i) => (name, i))
                .Where(c => old.Columns.Contains(c.name) || (table.Scotland.Cells[c.i].Actual ?? 0) >= 2 * rules.MinimumCount).Select(c => c.i).ToList();
            TableRow Keep(TableRow row) => row.Percentage is not null ? row : row with { Cells = columns.Select(i => row.Cells[i]).ToList() };
            table = table with { Columns = columns.Select(i => table.Columns[i]).ToList(), Rows = table.Rows.Select(Keep).ToList(), Scotland = Keep(table.Scotland) };
            return table with { Rows = table.Rows.Select(HoldRow).ToList(), Scotland = HoldRow(table.Scotland) };
        }

        // A hidden figure stays hidden: it may have been hidden to protect another, whatever its size, and showing it now
        // beside totals held back would tell how much they moved.
        TableCell Held(TableCell was, TableCell now) => now.Actual is not { } actual ? now
            : was.Value is { } shown ? (Math.Abs(actual - shown) < rules.MinimumCount ? was : now)
            : was;

        static ProtectedCount Shown(TableCell cell) => new(cell.Value ?? 0, cell.Value is null ? CellSuppression.Secondary : CellSuppression.None);
    }

    /// <summary>Every figure a set of tables publishes, named by table, row and column.</summary>
    public static IEnumerable<(string Table, string Row, string Column, string Display)> Cells(NationalStatistics statistics)
    {
        foreach (var table in statistics.Tables)
        {
            foreach (var row in table.Rows.Append(table.Scotland))
            {
                for (var i = 0; i < table.Columns.Count && i < row.Cells.Count; i++)
                {
                    yield return (table.Title, row.Label, table.Columns[i], row.Cells[i].Display);
                }

                if (row.Percentage is { } percentage)
                {
                    yield return (table.Title, row.Label, "Percentage", percentage);
                }
                else
                {
                    yield return (table.Title, row.Label, "Total", row.Total.Display);
                }
            }
        }
    }
}

/// <summary>National tables with the cells a publication (or a draft) revises, for the tables partial.</summary>
public sealed record TablesView(NationalStatistics Statistics, IReadOnlyList<Revision> Revised)
{
    public bool IsRevised(string table, string row, string column) => Revised.Any(r => r.Table == table && r.Row == row && r.Column == column);
}
