using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;
using Entry = Nolb.Web.Domain.Voice.YouSaidWeDid;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>
/// "You said, we did" entries for pages and API alike: staff who manage their LEP's feedback list, record and change
/// them; another LEP's entry is not found. A change is saved only over the version the user read.
/// </summary>
public sealed class YouSaidWeDidCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Conflict = "Someone else changed this entry while you were looking at it. Reload to see their change, then make yours again";

    /// <summary>How many changes a participant's page shows: enough to see the service listens, few enough to read on a phone.</summary>
    public const int MaxShownToPeople = 10;

    public sealed record ChangeForPeople(string YouSaid, string WeDid, DateOnly ChangedOn);

    public sealed record Details(string? YouSaid, string? WeDid, DateOnly? ChangedOn, IReadOnlyCollection<string>? Themes);

    public DateOnly Today => UkTime.Today(clock);

    private bool CanManage => currentUser.Has(Permissions.Feedback.Manage) && currentUser.LepId is not null;

    /// <summary>The one tenancy filter: the user's own LEP's entries, newest change first.</summary>
    public IQueryable<Entry> Entries => CanManage
        ? db.YouSaidWeDid.Where(e => e.LepId == currentUser.LepId).OrderByDescending(e => e.ChangedOn).ThenByDescending(e => e.RecordedAt)
        : db.YouSaidWeDid.Where(e => false);

    /// <summary>The themes the LEP's feedback comments are tagged with, and how many comments carry each.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ThemesAsync(Guid lepId, CancellationToken ct)
    {
        var tagged = await db.FeedbackResponses.AsNoTracking().Where(r => r.LepId == lepId && r.Themes.Count > 0).Select(r => r.Themes).ToListAsync(ct);
        return tagged.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>What a participant sees: their LEP's changes, newest first, without who recorded them.</summary>
    public async Task<IReadOnlyList<ChangeForPeople>> ForPeopleAsync(Guid lepId, CancellationToken ct) =>
        await db.YouSaidWeDid.AsNoTracking().Where(e => e.LepId == lepId)
            .OrderByDescending(e => e.ChangedOn).ThenByDescending(e => e.RecordedAt).Take(MaxShownToPeople)
            .Select(e => new ChangeForPeople(e.YouSaid, e.WeDid, e.ChangedOn))
            .ToListAsync(ct);

    public async Task<PlanningResult<Entry>> CreateAsync(Details details, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<Entry>();
        }

        var entry = new Entry { LepId = currentUser.LepId!.Value, RecordedByUserId = currentUser.Id!.Value, RecordedAt = clock.GetUtcNow().UtcDateTime };
        var errors = await SetAsync(entry, details, ct);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Entry>(errors);
        }

        db.YouSaidWeDid.Add(entry);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(entry);
    }

    public async Task<PlanningResult<Entry>> UpdateAsync(Guid id, Details details, Guid? version, CancellationToken ct)
    {
        var entry = await Entries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return PlanningResult.NotFound<Entry>();
        }

        if (version != entry.Version)
        {
            return PlanningResult.Conflict<Entry>(Conflict);
        }

        var errors = await SetAsync(entry, details, ct);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Entry>(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<Entry>(Conflict);
        }

        return PlanningResult.Done(entry);
    }

    private async Task<IReadOnlyList<(string Field, string Message)>> SetAsync(Entry entry, Details details, CancellationToken ct)
    {
        var known = (await ThemesAsync(entry.LepId, ct)).Keys.ToHashSet(StringComparer.Ordinal);

        // A theme the entry already has stays valid even if no comment carries it any more.
        known.UnionWith(entry.Themes);
        return entry.Set(details.YouSaid, details.WeDid, details.ChangedOn, details.Themes, known, Today);
    }
}
