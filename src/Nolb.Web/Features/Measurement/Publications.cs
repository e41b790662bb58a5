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
        var number = await db.StatisticsPublications.Where(p => p.Quarter == quarter.Label).Select(p => (int?)p.Number).MaxAsync(ct) ?? 0;
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
