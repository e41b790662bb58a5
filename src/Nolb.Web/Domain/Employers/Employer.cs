namespace Nolb.Web.Domain.Employers;

/// <summary>
/// An employer an LEP works with: its sector (SIC 2007 section), size, where it is, who to talk to, its
/// Fair Work commitments, and the log of what the partnership has done with it.
/// </summary>
public sealed class Employer : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public required string Name { get; set; }
    public SicSection Sector { get; set; }
    public SizeBand Size { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public bool RealLivingWageEmployer { get; set; }
    public bool YoungPersonsGuaranteePledge { get; set; }
    public DisabilityConfidentLevel DisabilityConfident { get; set; }
    public List<EmployerActivity> Activities { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One piece of engagement with an employer: what was done, when, and by whom.</summary>
public sealed class EmployerActivity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EmployerId { get; init; }
    public DateOnly Date { get; init; }
    public EmployerActivityKind Kind { get; init; }
    public required string Notes { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
}

public enum EmployerActivityKind
{
    RecruitmentAdvice,
    JobCarving,
    HealthAndSafetyRiskAssessment,
    Event,
    Visit,
    Other,
}

/// <summary>Employer size by number of employees (the usual UK bands).</summary>
public enum SizeBand
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>The Disability Confident scheme's three levels, or not signed up.</summary>
public enum DisabilityConfidentLevel
{
    NotSignedUp,
    Committed,
    Employer,
    Leader,
}

/// <summary>The 21 sections of the UK Standard Industrial Classification 2007 (ONS), by letter.</summary>
public enum SicSection
{
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
}

public static class SicSections
{
    /// <summary>Section titles as ONS publishes them (UK SIC 2007).</summary>
    public static string Title(this SicSection section) => section switch
    {
        SicSection.A => "Agriculture, forestry and fishing",
        SicSection.B => "Mining and quarrying",
        SicSection.C => "Manufacturing",
        SicSection.D => "Electricity, gas, steam and air conditioning supply",
        SicSection.E => "Water supply; sewerage, waste management and remediation activities",
        SicSection.F => "Construction",
        SicSection.G => "Wholesale and retail trade; repair of motor vehicles and motorcycles",
        SicSection.H => "Transportation and storage",
        SicSection.I => "Accommodation and food service activities",
        SicSection.J => "Information and communication",
        SicSection.K => "Financial and insurance activities",
        SicSection.L => "Real estate activities",
        SicSection.M => "Professional, scientific and technical activities",
        SicSection.N => "Administrative and support service activities",
        SicSection.O => "Public administration and defence; compulsory social security",
        SicSection.P => "Education",
        SicSection.Q => "Human health and social work activities",
        SicSection.R => "Arts, entertainment and recreation",
        SicSection.S => "Other service activities",
        SicSection.T => "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
        SicSection.U => "Activities of extraterritorial organisations and bodies",
        _ => section.ToString(),
    };
}
