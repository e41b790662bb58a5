using System.Globalization;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Domain.Incentives;

/// <summary>
/// An LEP's Employer Recruitment Incentive scheme for one financial year (April–March): the minimum
/// standards a job must meet, and what is paid when. Each council sets its own within the national
/// framework (e.g. payments at 4, 13 and 26 weeks; at least 16 hours; the Real Living Wage).
/// </summary>
public sealed class IncentiveScheme : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }

    /// <summary>The year the financial year starts in: 2026 is April 2026 to March 2027.</summary>
    public int FinancialYear { get; init; }
    public decimal MinimumHourlyPay { get; set; }
    public decimal MinimumHoursPerWeek { get; set; }

    /// <summary>The shortest fixed-term contract accepted, in months; a permanent contract always meets it.</summary>
    public int MinimumContractMonths { get; set; }
    public bool ZeroHoursAllowed { get; set; }
    public decimal PaymentAtStart { get; set; }
    public decimal PaymentAt13Weeks { get; set; }
    public decimal PaymentAt26Weeks { get; set; }
    public decimal PaymentAt52Weeks { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public decimal Total => PaymentAtStart + PaymentAt13Weeks + PaymentAt26Weeks + PaymentAt52Weeks;

    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public string YearLabel => string.Create(CultureInfo.InvariantCulture, $"{FinancialYear}-{(FinancialYear + 1) % 100:00}");

    public IReadOnlyList<(PaymentPoint Point, decimal Amount)> Schedule() =>
        new[]
        {
            (PaymentPoint.Start, PaymentAtStart),
            (PaymentPoint.Weeks13, PaymentAt13Weeks),
            (PaymentPoint.Weeks26, PaymentAt26Weeks),
            (PaymentPoint.Weeks52, PaymentAt52Weeks),
        }.Where(p => p.Item2 > 0).ToList();
}

/// <summary>The job an incentive is asked for, as the minimum standards see it.</summary>
public sealed record IncentiveJob(decimal HourlyPay, decimal HoursPerWeek, ContractType Contract, int? ContractMonths, bool NoDisplacementConfirmed);

public sealed record StandardCheck(string Standard, bool Met, string Explanation);

/// <summary>The minimum standards, as a pure function: every standard is checked and explained, met or not.</summary>
public static class MinimumStandards
{
    public static IReadOnlyList<StandardCheck> Check(IncentiveScheme scheme, IncentiveJob job)
    {
        var gb = CultureInfo.InvariantCulture;
        return
        [
            new("Pay", job.HourlyPay >= scheme.MinimumHourlyPay,
                string.Create(gb, $"Pays £{job.HourlyPay:0.00} an hour; the scheme's minimum is £{scheme.MinimumHourlyPay:0.00}")),
            new("Hours", job.HoursPerWeek >= scheme.MinimumHoursPerWeek,
                string.Create(gb, $"{job.HoursPerWeek:0.#} hours a week; the scheme's minimum is {scheme.MinimumHoursPerWeek:0.#}")),
            job.Contract switch
            {
                ContractType.Permanent => new StandardCheck("Contract", true, "A permanent contract"),
                ContractType.ZeroHours => new StandardCheck("Contract", scheme.ZeroHoursAllowed,
                    scheme.ZeroHoursAllowed ? "A zero-hours contract, which this scheme allows" : "A zero-hours contract, which this scheme does not fund"),
                ContractType.FixedTerm => new StandardCheck("Contract", (job.ContractMonths ?? 0) >= scheme.MinimumContractMonths,
                    string.Create(gb, $"A fixed-term contract of {job.ContractMonths ?? 0} months; the scheme's minimum is {scheme.MinimumContractMonths}")),
                _ => new StandardCheck("Contract", false, "Self-employment is not a job with an employer"),
            },
            new("No displacement", job.NoDisplacementConfirmed,
                job.NoDisplacementConfirmed
                    ? "The employer confirms the job does not replace an existing employee"
                    : "The employer has not confirmed that the job does not replace an existing employee"),
        ];
    }
}

/// <summary>
/// An application for an Employer Recruitment Incentive for a person's job. It is checked against the
/// LEP's scheme for the year the job starts; one that fails a standard cannot be approved without an
/// override and its reason. Approval sets the payment schedule; payments are then recorded as made.
/// </summary>
public sealed class IncentiveApplication : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public Guid SchemeId { get; init; }
    public IncentiveScheme? Scheme { get; set; }
    public Guid EmployerId { get; init; }
    public Employer? Employer { get; set; }
    public Guid ParticipantId { get; init; }
    public required string JobTitle { get; init; }
    public DateOnly StartDate { get; init; }
    public decimal HourlyPay { get; init; }
    public decimal HoursPerWeek { get; init; }
    public ContractType Contract { get; init; }
    public int? ContractMonths { get; init; }
    public bool NoDisplacementConfirmed { get; init; }
    public IncentiveStatus Status { get; private set; }
    public string? OverrideReason { get; private set; }
    public string? DecisionNote { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public List<IncentivePayment> Payments { get; init; } = [];
    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IncentiveJob Job => new(HourlyPay, HoursPerWeek, Contract, ContractMonths, NoDisplacementConfirmed);

    public IReadOnlyList<StandardCheck> Checks(IncentiveScheme scheme) => MinimumStandards.Check(scheme, Job);

    public IReadOnlyList<(string Field, string Message)> Approve(IncentiveScheme scheme, string? overrideReason, Guid by, DateOnly today)
    {
        if (Status != IncentiveStatus.Submitted)
        {
            return [("status", $"Only a submitted application can be approved; this one is {Status.ToString().ToLowerInvariant()}")];
        }

        var failed = Checks(scheme).Where(c => !c.Met).ToList();
        if (failed.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            return [("overrideReason", $"The job does not meet: {string.Join(", ", failed.Select(f => f.Standard.ToLowerInvariant()))}. To approve it anyway, give the reason for the override")];
        }

        if (overrideReason?.Length > 1000)
        {
            return [("overrideReason", "Keep the reason to 1,000 characters")];
        }

        Status = IncentiveStatus.Approved;
        OverrideReason = failed.Count > 0 ? overrideReason!.Trim() : null;
        DecidedByUserId = by;
        DecidedOn = today;
        foreach (var (point, amount) in scheme.Schedule())
        {
            Payments.Add(new IncentivePayment
            {
                ApplicationId = Id,
                Point = point,
                Amount = amount,
                DueOn = point == PaymentPoint.Start ? StartDate : StartDate.AddDays(7 * (int)point),
            });
        }

        return [];
    }

    public IReadOnlyList<(string Field, string Message)> Reject(string? reason, Guid by, DateOnly today)
    {
        if (Status != IncentiveStatus.Submitted)
        {
            return [("status", "Only a submitted application can be rejected")];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return [("decisionNote", "Say why the application is rejected")];
        }

        Status = IncentiveStatus.Rejected;
        DecisionNote = reason.Trim();
        DecidedByUserId = by;
        DecidedOn = today;
        return [];
    }

    public IReadOnlyList<(string Field, string Message)> RecordPayment(Guid paymentId, DateOnly? paidOn, DateOnly today)
    {
        var payment = Payments.SingleOrDefault(p => p.Id == paymentId);
        if (payment is null || Status is not (IncentiveStatus.Approved or IncentiveStatus.PartPaid))
        {
            return [("paymentId", "Choose a payment of an approved application")];
        }

        if (payment.PaidOn is not null)
        {
            return [("paymentId", "This payment is already recorded as paid")];
        }

        if (paidOn is null || paidOn > today)
        {
            return [("paidOn", "Enter the date it was paid, today or earlier")];
        }

        if (paidOn < payment.DueOn)
        {
            return [("paidOn", $"This payment is not due until {payment.DueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, after the job has lasted that long")];
        }

        payment.PaidOn = paidOn;
        Status = Payments.All(p => p.PaidOn is not null) ? IncentiveStatus.Paid : IncentiveStatus.PartPaid;
        return [];
    }
}

public sealed class IncentivePayment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ApplicationId { get; init; }
    public PaymentPoint Point { get; init; }
    public decimal Amount { get; init; }
    public DateOnly DueOn { get; init; }
    public DateOnly? PaidOn { get; set; }
}

public enum PaymentPoint
{
    Start = 0,
    Weeks13 = 13,
    Weeks26 = 26,
    Weeks52 = 52,
}

public enum IncentiveStatus
{
    Submitted,
    Approved,
    Rejected,
    PartPaid,
    Paid,
}
