using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Timeline;

/// <summary>One thing that happened on an engagement, as the timeline shows it.</summary>
/// <remarks>
/// Kind is the source's <see cref="ITimelineSource.Kind"/>, used by the <c>?show=</c> filter; Tag a short label
/// shown before the title, such as "Sensitive: health"; Link and LinkText an action on the item (e.g. "Change"),
/// shown to users who may change the case.
/// </remarks>
public sealed record TimelineItem(string Kind, DateOnly Date, DateTime RecordedAt, string Title, string? Detail, Guid? RecordedBy, string? Tag = null, string? Link = null, string? LinkText = null);

/// <summary>What a source is asked for: one engagement the user may read (already checked and audited), and when now is.</summary>
public sealed record TimelineContext(CaseView Case, CurrentUser User, DateTime Now);

/// <summary>
/// Something that adds items to a case's timeline. Each kind of record has one; adding a kind is one
/// class and one registration line (<c>services.AddScoped&lt;ITimelineSource, MySource&gt;()</c> in WebSetup).
/// A source must leave out what the user may not see (e.g. sensitive notes).
/// </summary>
public interface ITimelineSource
{
    /// <summary>The word in the <c>?show=</c> filter, e.g. "notes".</summary>
    string Kind { get; }

    /// <summary>The filter's label, e.g. "Case notes".</summary>
    string Label { get; }

    Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct);
}

public sealed record TimelineEntry(TimelineItem Item, string? RecordedByName);

/// <summary>One chronological timeline of an engagement from every registered source, newest first, optionally filtered by kind.</summary>
public sealed class CaseTimeline(IEnumerable<ITimelineSource> sources, NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public IReadOnlyList<(string Kind, string Label)> Kinds { get; } = sources.Select(s => (s.Kind, s.Label)).ToList();

    /// <summary>The kinds asked for by a <c>show</c> value ("notes" or "notes,appointments"); all when empty or unknown.</summary>
    public IReadOnlySet<string> Selected(string? show)
    {
        var asked = (show ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => Kinds.Any(x => x.Kind == k)).ToHashSet(StringComparer.Ordinal);
        return asked.Count == 0 ? Kinds.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal) : asked;
    }

    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(CaseView view, string? show, CancellationToken ct)
    {
        var selected = Selected(show);
        var context = new TimelineContext(view, currentUser, clock.GetUtcNow().UtcDateTime);
        var items = new List<TimelineItem>();
        foreach (var source in sources.Where(s => selected.Contains(s.Kind)))
        {
            items.AddRange(await source.ReadAsync(context, ct));
        }

        var userIds = items.Select(i => i.RecordedBy).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return items
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.RecordedAt)
            .Select(i => new TimelineEntry(i, i.RecordedBy is { } by && names.TryGetValue(by, out var name) ? name : null))
            .ToList();
    }
}

public sealed class StageMoveTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "stages";

    public string Label => "Stage moves";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct) =>
        (await db.StageMoves.AsNoTracking().Where(m => m.EngagementId == context.Case.Engagement.Id).ToListAsync(ct))
            .Select(m => new TimelineItem(Kind, m.Date, m.RecordedAt, $"Stage {m.Stage.Label()}", m.Reason, m.RecordedByUserId))
            .ToList();
}

public sealed class AssignmentTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "reassignments";

    public string Label => "Reassignments";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var assignments = await db.CaseAssignments.AsNoTracking().Where(a => a.EngagementId == context.Case.Engagement.Id).ToListAsync(ct);
        var ids = assignments.SelectMany(a => new[] { a.FromKeyWorkerId, a.ToKeyWorkerId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n : "nobody";
        return assignments
            .Select(a => new TimelineItem(Kind, DateOnly.FromDateTime(a.RecordedAt), a.RecordedAt,
                $"Case moved from {Name(a.FromKeyWorkerId)} to {Name(a.ToKeyWorkerId)}", a.Reason, a.RecordedByUserId))
            .ToList();
    }
}
