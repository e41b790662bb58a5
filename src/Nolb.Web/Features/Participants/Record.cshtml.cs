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
public sealed class RecordModel(
    ParticipantRecords records, NolbDbContext db, CurrentUser currentUser, TimeProvider clock, Timeline.CaseTimeline timeline) : PageModel
{
    public Participant Participant { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> UserNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReassign => CanEdit && currentUser.Has(Permissions.Participants.Reassign);
    public bool CanTransfer => CanEdit && currentUser.Has(Permissions.Participants.Transfer);
    public bool CanCalculateBetterOff => CanEdit && currentUser.Has(Permissions.BetterOff.Calculate);
    public bool ShowEquality => currentUser.CanSeeEqualityData();
    public bool CanRefer => currentUser.Has(Permissions.Referrals.Make);

    /// <summary>The engagement the timeline shows: the open one, else the latest.</summary>
    public Engagement? TimelineEngagement { get; private set; }
    public IReadOnlyList<Timeline.TimelineEntry> TimelineEntries { get; private set; } = [];
    public IReadOnlyList<(string Kind, string Label)> TimelineKinds => timeline.Kinds;
    public IReadOnlySet<string> TimelineShown { get; private set; } = new HashSet<string>();
    public string? Show { get; private set; }
    public IReadOnlyList<Appointments.AppointmentView> UpcomingAppointments { get; private set; } = [];

    /// <summary>The rectification history, latest first; equality answers only for the roles that may see them.</summary>
    public IReadOnlyList<Domain.DataRights.ParticipantChange> DetailChanges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? show, CancellationToken ct)
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
            .ToList();
        DetailChanges = await db.ParticipantChanges.AsNoTracking()
            .Where(c => c.ParticipantId == participant.Id && (ShowEquality || !c.IsEqualityData))
            .OrderByDescending(c => c.ChangedAt)
            .ToListAsync(ct);
        userIds = userIds.Concat(DetailChanges.Select(c => c.ChangedByUserId).OfType<Guid>()).Distinct().ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        TimelineEngagement = participant.OpenEngagement ?? participant.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault();
        if (TimelineEngagement is { } engagement)
        {
            Show = show;
            TimelineShown = timeline.Selected(show);
            TimelineEntries = await timeline.BuildAsync(new CaseView(engagement, participant, CanEdit), show, ct);
            UpcomingAppointments = await Appointments.AppointmentCommands.Upcoming(db, engagement.Id, clock.GetUtcNow().UtcDateTime).Take(5).ToListAsync(ct);
        }

        return Page();
    }

    public string NameOf(Guid? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "Not assigned";
}
