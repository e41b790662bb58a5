using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Loads one person's record for the current user, applying the access rule and auditing the read.</summary>
public sealed class ParticipantRecords(NolbDbContext db, CurrentUser currentUser, AuditLog audit)
{
    /// <summary>The record with its engagements, stage history and consents; null when missing or not the user's to see (404).</summary>
    public async Task<Participant?> ReadAsync(Guid id, CancellationToken ct)
    {
        var participant = await LoadAsync(id, ct);
        if (participant is null || !currentUser.CanRead(participant))
        {
            return null;
        }

        await audit.ReadAsync(nameof(Participant), participant.Id, participant.LepId, ct);
        return participant;
    }

    /// <summary>The record if the user may change it; null when they may not even see it (404). Changes are audited on save.</summary>
    public async Task<(Participant? Participant, bool CanEdit)> ForEditAsync(Guid id, CancellationToken ct)
    {
        var participant = await LoadAsync(id, ct);
        if (participant is null || !currentUser.CanRead(participant))
        {
            return (null, false);
        }

        return (participant, currentUser.CanEdit(participant));
    }

    /// <summary>An engagement with its person's record, as <see cref="ForEditAsync"/>; nulls when missing or not the user's to see (404).</summary>
    public async Task<(Participant? Participant, Engagement? Engagement, bool CanEdit)> EngagementForEditAsync(Guid engagementId, CancellationToken ct)
    {
        var participantId = await db.Engagements.Where(e => e.Id == engagementId).Select(e => (Guid?)e.ParticipantId).SingleOrDefaultAsync(ct);
        if (participantId is null)
        {
            return (null, null, false);
        }

        var (participant, canEdit) = await ForEditAsync(participantId.Value, ct);
        return participant is null ? (null, null, false) : (participant, participant.Engagements.Single(e => e.Id == engagementId), canEdit);
    }

    private Task<Participant?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Participants
            .Include(p => p.Engagements).ThenInclude(e => e.StageMoves)
            .Include(p => p.Engagements).ThenInclude(e => e.Assignments)
            .Include(p => p.Consents).ThenInclude(c => c.Organisation)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);
}
