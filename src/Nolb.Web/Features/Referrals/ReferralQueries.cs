using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>A referral as listed: what it is, where it went, its status and timings, and whether it is overdue.</summary>
public sealed record ReferralRow(
    Guid Id, ReferralDirection Direction, Guid? ParticipantId, Guid? ServiceId, string? ServiceName, string? ToOrganisationName,
    string? FromOrganisationName, bool IsExternal, string Reason, bool ConsentToShare, SharedDetails Shared, ReferralStatus Status,
    DateTime SentAt, string SentBy, DateTime? RespondedAt, DeclineReason? DeclineReason, string? DeclineNote, DateOnly? FirstContactOn,
    DateTime? CompletedAt, string? OutcomeNote, Guid? AllocatedToUserId, bool Overdue, Guid Version);

/// <summary>The referral lists: a partner's inbox, an LEP's outbox, the triage list and one person's referrals. Each applies its access rule in the query.</summary>
public static class ReferralQueries
{
    /// <summary>Referrals to the user's own organisation, and nothing else.</summary>
    public static IQueryable<Referral> Inbox(this NolbDbContext db, CurrentUser user) =>
        user.Has(Permissions.Referrals.ReceiveForOrganisation) && user.OrganisationId is { } org
            ? db.Referrals.Where(r => r.Direction == ReferralDirection.Outbound && r.ToOrganisationId == org)
            : db.Referrals.Where(r => false);

    /// <summary>Referrals the user's LEP made (staff), or that the user's organisation sent into an LEP (partners).</summary>
    public static IQueryable<Referral> Outbox(this NolbDbContext db, CurrentUser user)
    {
        if (user.Has(Permissions.Referrals.Make) && user.LepId is { } lep)
        {
            return db.Referrals.Where(r => r.Direction == ReferralDirection.Outbound && r.LepId == lep);
        }

        return user.Has(Permissions.Referrals.SendInbound) && user.OrganisationId is { } org
            ? db.Referrals.Where(r => r.Direction == ReferralDirection.Inbound && r.FromOrganisationId == org)
            : db.Referrals.Where(r => false);
    }

    public static IQueryable<Referral> Triage(this NolbDbContext db, CurrentUser user) =>
        user.Has(Permissions.Referrals.Triage) && user.LepId is { } lep
            ? db.Referrals.Where(r => r.Direction == ReferralDirection.Inbound && r.LepId == lep)
            : db.Referrals.Where(r => false);

    public static async Task<List<ReferralRow>> RowsAsync(this IQueryable<Referral> referrals, NolbDbContext db, ReferralOptions options, DateOnly today, CancellationToken ct)
    {
        var list = await referrals.AsNoTracking().OrderByDescending(r => r.SentAt).Take(500).ToListAsync(ct);
        var serviceIds = list.Select(r => r.ServiceId).OfType<Guid>().Distinct().ToList();
        var organisationIds = list.SelectMany(r => new[] { r.ToOrganisationId, r.FromOrganisationId }).OfType<Guid>().Distinct().ToList();
        var userIds = list.Select(r => r.SentByUserId).Distinct().ToList();
        var services = await db.DirectoryServices.Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return list.Select(r => new ReferralRow(
            r.Id, r.Direction, r.ParticipantId, r.ServiceId, r.ServiceId is { } s ? services.GetValueOrDefault(s) : null,
            r.ToOrganisationId is { } to ? organisations.GetValueOrDefault(to) : null, r.FromOrganisationId is { } from ? organisations.GetValueOrDefault(from) : null,
            r.IsExternal, r.Reason, r.ConsentToShare, r.Shared, r.Status, r.SentAt, users.GetValueOrDefault(r.SentByUserId) ?? "", r.RespondedAt,
            r.DeclineReason, r.DeclineNote, r.FirstContactOn, r.CompletedAt, r.OutcomeNote, r.AllocatedToUserId, options.IsOverdue(r, today), r.Version)).ToList();
    }
}
