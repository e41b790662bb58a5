using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// Removes a person's identifying data from everywhere it lives, keeping the anonymous rest so the statistics do
/// not move (ADR 012): the record keeps its reference, LEP, equality answers, circumstances and a stand-in date of
/// birth in the same age band; every period of support, stage, intervention, outcome and check keeps its dates and
/// codes; every piece of free text and every contact detail goes. One audit line and one <see cref="ErasureRequest"/>
/// say that it happened, never what was erased. Used by the administrator's erasure page and the retention job.
/// </summary>
public sealed class ParticipantErasure(NolbDbContext db, TimeProvider clock, CurrentUser currentUser, IOptions<RetentionSettings> settings)
{
    public const string ErasedGivenName = "Erased";
    public const string ErasedFamilyName = "record";
    public const string ErasedText = "[erased]";

    /// <summary>The legal reasons to keep the record that stand in the way of erasing it now; empty when it may be erased.</summary>
    public async Task<IReadOnlyList<string>> HoldsAsync(Guid participantId, CancellationToken ct)
    {
        var erased = await db.Participants.Where(p => p.Id == participantId).Select(p => p.ErasedAt != null).SingleAsync(ct);
        var periods = await db.Engagements.Where(e => e.ParticipantId == participantId)
            .Select(e => new SupportPeriod(e.StartDate, e.LeftOn)).ToListAsync(ct);
        return ErasureRules.Holds(periods, erased, UkTime.Today(clock), settings.Value.FundingAuditHoldMonths);
    }

    /// <summary>Records a refusal: the request, the decision and why, and nothing is erased.</summary>
    public async Task RefuseAsync(Guid participantId, Guid lepId, DateOnly receivedOn, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ErasureRequests.Add(new ErasureRequest
        {
            ParticipantId = participantId,
            LepId = lepId,
            Source = ErasureSource.PersonsRequest,
            ReceivedOn = receivedOn,
            Decision = ErasureDecision.Refused,
            Reason = reason,
            DecidedByUserId = currentUser.Id,
            DecidedAt = now,
        });
        db.AuditEntries.Add(Audit(AuditAction.ErasureRefused, participantId, lepId, now, "Erasure request refused"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Erases the person's identifying data in one transaction. The caller has checked <see cref="HoldsAsync"/>.</summary>
    public async Task EraseAsync(Guid participantId, ErasureSource source, DateOnly receivedOn, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = await db.Participants.AsNoTracking()
            .Where(p => p.Id == participantId)
            .Select(p => new { p.LepId, p.DateOfBirth, p.Email, p.Circumstances.CareExperienced })
            .SingleAsync(ct);
        var engagements = await db.Engagements.Where(e => e.ParticipantId == participantId).Select(e => new { e.Id, e.StartDate }).ToListAsync(ct);
        var engagementIds = engagements.Select(e => e.Id).ToList();
        var standIn = ErasureRules.StandInDateOfBirth(person.DateOfBirth, person.CareExperienced, engagements.Select(e => e.StartDate).ToList());
        var inviteEmails = await db.ParticipantInvitations.Where(i => i.ParticipantId == participantId).Select(i => i.Email).ToListAsync(ct);
        var accountEmails = await db.Users.Where(u => u.ParticipantId == participantId).Select(u => u.Email!).ToListAsync(ct);
        var addresses = inviteEmails.Concat(accountEmails).Append(person.Email).OfType<string>().Distinct().ToList();

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.Participants.Where(p => p.Id == participantId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.GivenName, ErasedGivenName)
                .SetProperty(p => p.FamilyName, ErasedFamilyName)
                .SetProperty(p => p.PreferredName, (string?)null)
                .SetProperty(p => p.DateOfBirth, standIn)
                .SetProperty(p => p.NationalInsuranceNumber, (string?)null)
                .SetProperty(p => p.Postcode, (string?)null)
                .SetProperty(p => p.AddressLine, (string?)null)
                .SetProperty(p => p.Email, (string?)null)
                .SetProperty(p => p.Phone, (string?)null)
                .SetProperty(p => p.ErasedAt, now)
                .SetProperty(p => p.Version, Guid.NewGuid()), ct);
            await EraseCaseTextAsync(engagementIds, ct);
            await EraseReferralsAsync(participantId, ct);
            await EraseAccountsAndMessagesAsync(participantId, addresses, ct);
            await db.ParticipantChanges.Where(c => c.ParticipantId == participantId).ExecuteDeleteAsync(ct);
            await db.Placements.Where(p => p.ParticipantId == participantId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Notes, (string?)null), ct);
            await db.FeedbackResponses.Where(f => f.ParticipantId == participantId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Improvement, (string?)null), ct);
            foreach (var request in await db.SubjectAccessRequests.Where(r => r.ParticipantId == participantId).ToListAsync(ct))
            {
                request.EraseNotes();
            }

            var what = source == ErasureSource.RetentionPolicy ? "Erased by the retention policy" : "Erased at the person's request";
            db.ErasureRequests.Add(new ErasureRequest
            {
                ParticipantId = participantId,
                LepId = person.LepId,
                Source = source,
                ReceivedOn = receivedOn,
                Decision = ErasureDecision.Erased,
                Reason = reason,
                DecidedByUserId = currentUser.Id,
                DecidedAt = now,
            });
            db.AuditEntries.Add(Audit(AuditAction.Erased, participantId, person.LepId, now, what));
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task EraseCaseTextAsync(List<Guid> engagementIds, CancellationToken ct)
    {
        await db.CaseNotes.Where(n => engagementIds.Contains(n.EngagementId)).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Text, ErasedText).SetProperty(n => n.Version, Guid.NewGuid()), ct);
        await db.Appointments.Where(a => engagementIds.Contains(a.EngagementId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Place, a => a.Place == null ? null : ErasedText)
            .SetProperty(a => a.Purpose, (string?)null)
            .SetProperty(a => a.WithWhom, ErasedText), ct);
        await db.StageMoves.Where(m => engagementIds.Contains(m.EngagementId)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Reason, ErasedText), ct);
        await db.CaseAssignments.Where(a => engagementIds.Contains(a.EngagementId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, (string?)null), ct);
        await db.ActionPlanItems.Where(i => db.ActionPlans.Any(p => p.Id == i.ActionPlanId && engagementIds.Contains(p.EngagementId)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Goal, ErasedText).SetProperty(i => i.Action, ErasedText), ct);
        await db.NeedsAssessments.Where(a => engagementIds.Contains(a.EngagementId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Strengths, (string?)null).SetProperty(a => a.Aspirations, (string?)null), ct);
        await db.Interventions.Where(i => engagementIds.Contains(i.EngagementId)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Notes, (string?)null), ct);
        await db.Outcomes.Where(o => engagementIds.Contains(o.EngagementId)).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Description, (string?)null)
            .SetProperty(o => o.JobTitle, o => o.JobTitle == null ? null : ErasedText)
            .SetProperty(o => o.OrganisationName, o => o.OrganisationName == null ? null : ErasedText), ct);
        await db.SustainmentChecks.Where(c => db.Outcomes.Any(o => o.Id == c.OutcomeId && engagementIds.Contains(o.EngagementId)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Notes, (string?)null), ct);
        await db.AftercareContacts.Where(c => engagementIds.Contains(c.EngagementId)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Notes, (string?)null).SetProperty(c => c.Actions, (string?)null), ct);
    }

    /// <summary>
    /// The referral keeps its service, dates and status for the statistics; what was said and shared about the person goes.
    /// The snapshot is an owned type, cleared on the tracked entity (which also bumps its version for anyone editing it).
    /// </summary>
    private async Task EraseReferralsAsync(Guid participantId, CancellationToken ct)
    {
        await db.Referrals.Where(r => r.ParticipantId == participantId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Reason, ErasedText)
            .SetProperty(r => r.DeclineNote, (string?)null)
            .SetProperty(r => r.OutcomeNote, (string?)null), ct);
        foreach (var referral in await db.Referrals.Where(r => r.ParticipantId == participantId).ToListAsync(ct))
        {
            referral.Shared.Clear();
        }
    }

    /// <summary>The person's own account is disabled and anonymised (not deleted: the audit trail names its id), and their invitations and emails go.</summary>
    private async Task EraseAccountsAndMessagesAsync(Guid participantId, List<string> addresses, CancellationToken ct)
    {
        await db.ParticipantInvitations.Where(i => i.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        await db.JobPreferences.Where(j => j.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        if (addresses.Count > 0)
        {
            await db.OutboxEmails.Where(m => addresses.Contains(m.To)).ExecuteDeleteAsync(ct);
        }

        foreach (var account in await db.Users.Where(u => u.ParticipantId == participantId).ToListAsync(ct))
        {
            var placeholder = $"erased-{account.Id:N}@erased.invalid";
            account.Email = placeholder;
            account.NormalizedEmail = placeholder.ToUpperInvariant();
            account.UserName = placeholder;
            account.NormalizedUserName = placeholder.ToUpperInvariant();
            account.DisplayName = "Erased account";
            account.PhoneNumber = null;
            account.PasswordHash = null;
            account.IsDisabled = true;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
    }

    private AuditEntry Audit(AuditAction action, Guid participantId, Guid lepId, DateTime now, string detail) => new()
    {
        OccurredAt = now,
        ActorUserId = currentUser.Id,
        ActorEmail = currentUser.Email,
        Action = action,
        EntityType = nameof(Domain.Participants.Participant),
        EntityId = participantId.ToString(),
        LepId = lepId,
        IpAddress = currentUser.IpAddress,
        Detail = detail,
    };
}
