namespace Nolb.Web.Domain.Employers;

/// <summary>A placement with an employer for a person: work experience, a job taster, volunteering, supported employment or an ILM job.</summary>
public sealed class Placement : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public Guid ParticipantId { get; init; }
    public Guid EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public PlacementKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? HoursPerWeek { get; set; }

    /// <summary>A weekly allowance (work experience, tasters) in pounds.</summary>
    public decimal? WeeklyAllowance { get; set; }

    /// <summary>An hourly wage (supported employment, ILM jobs) in pounds.</summary>
    public decimal? HourlyWage { get; set; }
    public PlacementOutcome Outcome { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum PlacementKind
{
    WorkExperience,
    JobTaster,
    Volunteering,
    SupportedEmploymentIps,
    IntermediateLabourMarket,
}

public enum PlacementOutcome
{
    Ongoing,
    Completed,
    LeftEarly,
    LedToJob,
}
