using System.ComponentModel.DataAnnotations;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Web.Features.Referrals;

/// <summary>Settings under <c>Nolb:Referrals</c>.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Nolb:Referrals";

    /// <summary>A referral nobody has accepted, declined or allocated after this many working days is flagged overdue to both sides.</summary>
    [Range(1, 60)]
    public int OverdueAfterWorkingDays { get; set; } = 5;

    public bool IsOverdue(Referral referral, DateOnly today) =>
        referral.AwaitingAction && WorkingDays.IsOverdue(DateOnly.FromDateTime(referral.SentAt), today, OverdueAfterWorkingDays);
}
