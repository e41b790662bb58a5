using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

public sealed record PublicationSummary(string Quarter, int Number, DateTime PublishedAt, string PublishedBy, bool ProvisionalWhenPublished, int Revisions);

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

/// <summary>
/// Publishing a quarter's national tables: a snapshot of the disclosure-controlled figures (only what the tables
/// show, never a person's data), who published them and when. Publishing the same quarter again keeps the earlier
/// snapshot; the differences between consecutive snapshots are the quarter's revisions.
/// </summary>
public sealed class Publications(NolbDbContext db, Statistics statistics, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Published(PublishedQuarter? Quarter, string? Problem, bool Conflict = false);

    public async Task<Published> PublishAsync(ReportingPeriod quarter, CancellationToken ct)
    {
        if (quarter.From > statistics.Today)
        {
            return new Published(null, "A quarter can be published once it has begun. Choose this quarter or an earlier one");
        }

        var tables = await statistics.NationalAsync(quarter, ct);
        var previous = await db.StatisticsPublications.AsNoTracking().Where(p => p.Quarter == quarter.Label).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        var number = previous?.Number ?? 0;
        if (previous is not null)
        {
            tables = HoldSmallChanges(Tables(previous), tables);
        }

        db.StatisticsPublications.Add(new StatisticsPublication
        {
            Quarter = quarter.Label,
            Number = number + 1,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedByUserId = user.Id,
            PublishedBy = user.DisplayName ?? user.Email ?? "A national analyst",
            ProvisionalWhenPublished = tables.Period.Provisional,
            Tables = JsonSerializer.Serialize(tables, Json),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (quarter, number) index: someone else published this quarter at the same moment.
            db.ChangeTracker.Clear();
            return new Published(null, $"Someone else published {quarter.Label} at the same moment. Look at the publication history, then publish again if the figures still need it", Conflict: true);
        }

        return new Published(await QuarterAsync(quarter.Label, ct), null);
    }

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
            p.Quarter, p.Number, p.PublishedAt, p.PublishedBy, p.ProvisionalWhenPublished, i == 0 ? 0 : Compare(ordered[i - 1], p).Count())).ToList();

    private static NationalStatistics Tables(StatisticsPublication p) => JsonSerializer.Deserialize<NationalStatistics>(p.Tables, Json)!;

    private static IEnumerable<Revision> Compare(StatisticsPublication before, StatisticsPublication after)
    {
        var previous = Cells(Tables(before)).ToDictionary(c => (c.Table, c.Row, c.Column), c => c.Display);
        foreach (var cell in Cells(Tables(after)))
        {
            if (previous.TryGetValue((cell.Table, cell.Row, cell.Column), out var was) && was != cell.Display)
            {
                yield return new Revision(cell.Table, cell.Row, cell.Column, was, cell.Display, before.Number, before.PublishedAt, after.Number, after.PublishedAt);
            }
        }
    }

    /// <summary>
    /// A revision must not tell a differencing attacker about a small group: one late start that moved three figures by
    /// one each would say that person's sex, age band and disability: disclosure by differencing two releases
    /// (FCSM Statistical Policy Working Paper 22, "Report on Statistical Disclosure Limitation Methodology"). So a figure published as a number keeps it until its true value
    /// has moved by at least the threshold (5), and a figure published as [c] stays [c] until it is at least twice the
    /// threshold, when it cannot be a small count moved by less than the threshold. Changes held back are released
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

        TableCell Held(TableCell was, TableCell now) => now.Actual is not { } actual ? now
            : was.Value is { } shown ? (Math.Abs(actual - shown) < rules.MinimumCount ? was : now)
            : actual < 2 * rules.MinimumCount ? was : now;

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
