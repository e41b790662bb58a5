namespace Nolb.Web.Domain.Employers;

/// <summary>
/// A job an employer is recruiting for. The Fair Work markers (<see cref="FairWork"/>) are worked out from
/// the pay, hours and contract, never typed in, so they cannot disagree with the vacancy.
/// </summary>
public sealed class Vacancy : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public Guid EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public required string Title { get; set; }

    /// <summary>The SOC 2020 unit group: four digits.</summary>
    public required string SocCode { get; set; }
    public string? Postcode { get; set; }
    public decimal? HoursPerWeek { get; set; }
    public decimal? HourlyPay { get; set; }
    public ContractType Contract { get; set; }

    /// <summary>For a fixed-term contract, its length in months.</summary>
    public int? ContractMonths { get; set; }
    public List<DayOfWeek> Days { get; set; } = [];
    public DateOnly? ClosingDate { get; set; }
    public int? MinimumScqfLevel { get; set; }
    public bool DrivingLicenceRequired { get; set; }
    public string? Requirements { get; set; }
    public VacancyStatus Status { get; set; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpenOn(DateOnly today) => Status == VacancyStatus.Open && (ClosingDate is null || ClosingDate >= today);
}

public enum ContractType
{
    Permanent,
    FixedTerm,
    ZeroHours,
    SelfEmployed,
}

public enum VacancyStatus
{
    Open,
    Filled,
    Withdrawn,
}

/// <summary>The Fair Work markers a job meets, each with the plain reason.</summary>
public sealed record FairWorkMarkers(bool PaysRealLivingWage, bool NotZeroHours, bool HoursStated, decimal RealLivingWage)
{
    public bool MeetsAll => PaysRealLivingWage && NotZeroHours && HoursStated;
}

public static class FairWork
{
    public static FairWorkMarkers Check(decimal? hourlyPay, decimal? hoursPerWeek, ContractType contract, decimal realLivingWage) =>
        new(hourlyPay is { } pay && pay >= realLivingWage, contract != ContractType.ZeroHours, hoursPerWeek is > 0, realLivingWage);
}
