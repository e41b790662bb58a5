using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// Applies the retention policy (<see cref="RetentionSettings"/>, ADR 012): every person whose record has passed its
/// keep-until date is anonymised with the same code as an erasure on request, and unallocated inbound referrals lose
/// the personal details they carried. A dry run reports the same list and changes nothing. Each run is audited with
/// its counts. Run daily by <see cref="RetentionSchedule"/>, from the administrator's page, or by the <c>retention</c> command.
/// </summary>
public sealed class RetentionRun(NolbDbContext db, ParticipantErasure erasure, IOptions<RetentionSettings> options, TimeProvider clock, CurrentUser currentUser)
{
    public sealed record DueRecord(Guid ParticipantId, string Reference, string Lep, string Rule);

    public sealed record Report(DateTime RanAt, bool DryRun, IReadOnlyList<DueRecord> Participants, int InboundReferrals)
    {
        public string Summary => DryRun
            ? $"Dry run: {Participants.Count} person record(s) and {InboundReferrals} unallocated inbound referral(s) are past the retention policy. Nothing was changed."
            : $"{Participants.Count} person record(s) anonymised and {InboundReferrals} unallocated inbound referral(s) cleared of personal details.";
    }

    public RetentionSettings Settings => options.Value;

    public async Task<Report> RunAsync(bool dryRun, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);
        var engagedCutoff = today.AddYears(-settings.ParticipantYearsAfterLastEngagement);
        var registeredCutoff = today.AddYears(-settings.ParticipantYearsWithoutEngagement).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var referralCutoff = now.AddMonths(-settings.UnallocatedInboundReferralMonths);

        var due = await db.Participants.AsNoTracking()
            .Where(p => p.ErasedAt == null)
            .Where(p => (p.Engagements.Any() && !p.Engagements.Any(e => e.LeftOn == null || e.LeftOn >= engagedCutoff))
                || (!p.Engagements.Any() && p.CreatedAt < registeredCutoff))
            .OrderBy(p => p.Reference)
            .Select(p => new { p.Id, p.Reference, Lep = p.Lep!.Name, Engaged = p.Engagements.Any() })
            .ToListAsync(ct);
        var records = due.Select(p => new DueRecord(p.Id, p.Reference, p.Lep, p.Engaged
                ? $"{settings.ParticipantYearsAfterLastEngagement} years after the last engagement closed (before {Date(engagedCutoff)})"
                : $"{settings.ParticipantYearsWithoutEngagement} years after registration with no engagement"))
            .ToList();
        var referrals = db.Referrals.Where(r => r.Direction == ReferralDirection.Inbound && r.ParticipantId == null && r.SentAt < referralCutoff
            && (r.Shared.Name != null || r.Shared.DateOfBirth != null || r.Shared.Phone != null || r.Shared.Email != null
                || r.Shared.Address != null || r.Shared.Postcode != null || r.Reason != ParticipantErasure.ErasedText));

        int referralCount;
        if (dryRun)
        {
            referralCount = await referrals.CountAsync(ct);
        }
        else
        {
            foreach (var record in records)
            {
                await erasure.EraseAsync(record.ParticipantId, ErasureSource.RetentionPolicy, today, $"Retention policy: {record.Rule}", ct);
            }

            var cleared = await referrals.ToListAsync(ct);
            var ids = cleared.Select(r => r.Id).ToList();
            await db.Referrals.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, ParticipantErasure.ErasedText), ct);
            cleared.ForEach(r => r.Shared.Clear());
            referralCount = cleared.Count;
        }

        var report = new Report(now, dryRun, records, referralCount);
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            ActorUserId = currentUser.Id,
            ActorEmail = currentUser.Email,
            Action = AuditAction.RetentionRun,
            EntityType = "RetentionPolicy",
            IpAddress = currentUser.IpAddress,
            Detail = report.Summary,
        });
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
