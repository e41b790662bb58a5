namespace Nolb.Web.Domain.DataRights;

/// <summary>
/// How long each kind of record is kept before the retention job anonymises it (<c>Nolb:Retention:*</c>).
/// The defaults and why they were chosen are in ADR 012.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>A person's record, counted from the day their last engagement closed.</summary>
    public int ParticipantYearsAfterLastEngagement { get; set; } = 6;

    /// <summary>A person registered who never started an engagement, counted from registration.</summary>
    public int ParticipantYearsWithoutEngagement { get; set; } = 2;

    /// <summary>An inbound referral never allocated to a record: its personal details, counted from when it arrived.</summary>
    public int UnallocatedInboundReferralMonths { get; set; } = 12;

    /// <summary>After an engagement closes, its funder may audit the claims made on it: erasure on request waits this long.</summary>
    public int FundingAuditHoldMonths { get; set; } = 12;

    /// <summary>Whether the daily job runs by itself; the administrator page and the <c>retention</c> command work either way.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>The time of day (UTC) the daily job runs, when the service is quiet.</summary>
    public TimeOnly RunAtUtc { get; set; } = new(2, 30);

    /// <summary>The last day a record of this kind may be kept: on the day after, it is anonymised.</summary>
    public DateOnly? ParticipantKeepUntil(IReadOnlyCollection<SupportPeriod> periods, DateOnly registeredOn)
    {
        if (periods.Count == 0)
        {
            return registeredOn.AddYears(ParticipantYearsWithoutEngagement);
        }

        return periods.Any(p => p.LeftOn is null) ? null : periods.Max(p => p.LeftOn)!.Value.AddYears(ParticipantYearsAfterLastEngagement);
    }
}
