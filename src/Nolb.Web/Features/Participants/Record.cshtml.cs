using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>A person's record: summary, engagements and their stage timeline, consent, equality data. Every view is audited.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class RecordModel(ParticipantRecords records, NolbDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public Participant Participant { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> UserNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReassign => CanEdit && currentUser.Has(Permissions.Participants.Reassign);
    public bool CanTransfer => CanEdit && currentUser.Has(Permissions.Participants.Transfer);
    public bool ShowEquality => currentUser.CanSeeEqualityData();
    public bool CanRefer => currentUser.Has(Permissions.Referrals.Make);

    /// <summary>Moves and reassignments of one engagement, newest first, as one timeline.</summary>
    public sealed record TimelineEntry(DateOnly Date, DateTime RecordedAt, string Title, string? Reason, Guid RecordedBy);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var participant = await records.ReadAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        Participant = participant;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        CanEdit = currentUser.CanEdit(participant);
        var userIds = participant.Engagements
            .SelectMany(e => e.StageMoves.Select(m => (Guid?)m.RecordedByUserId)
                .Concat(e.Assignments.SelectMany(a => new[] { a.RecordedByUserId, a.FromKeyWorkerId, a.ToKeyWorkerId }))
                .Append(e.KeyWorkerId))
            .Concat(participant.Consents.SelectMany(c => new[] { (Guid?)c.RecordedByUserId, c.WithdrawalRecordedByUserId }))
            .OfType<Guid>()
            .Distinct()
            .ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    public string NameOf(Guid? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "Not assigned";

    public IEnumerable<TimelineEntry> Timeline(Engagement engagement) =>
        engagement.StageMoves
            .Select(m => new TimelineEntry(m.Date, m.RecordedAt, $"Stage {m.Stage.Label()}", m.Reason, m.RecordedByUserId))
            .Concat(engagement.Assignments.Select(a => new TimelineEntry(
                DateOnly.FromDateTime(a.RecordedAt), a.RecordedAt, $"Case moved from {NameOf(a.FromKeyWorkerId)} to {NameOf(a.ToKeyWorkerId)}", a.Reason, a.RecordedByUserId)))
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.RecordedAt);
}
