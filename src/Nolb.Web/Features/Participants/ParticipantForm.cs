using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>The fields of the register and edit pages, bound from the form.</summary>
public sealed class ParticipantForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? NationalInsuranceNumber { get; set; }
    public string? Postcode { get; set; }
    public string? AddressLine { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactMethod? PreferredContact { get; set; }
    public EmploymentStatus? EmploymentStatusAtStart { get; set; }
    public List<Benefit> BenefitsAtStart { get; set; } = [];
    public int? HighestScqfLevel { get; set; }
    public EqualityMonitoring Equality { get; set; } = new();
    public LifeCircumstances Circumstances { get; set; } = new();

    public ParticipantDetails ToDetails() => new()
    {
        GivenName = GivenName,
        FamilyName = FamilyName,
        PreferredName = PreferredName,
        DateOfBirth = DateOfBirth,
        NationalInsuranceNumber = NationalInsuranceNumber,
        Postcode = Postcode,
        AddressLine = AddressLine,
        Email = Email,
        Phone = Phone,
        PreferredContact = PreferredContact,
        EmploymentStatusAtStart = EmploymentStatusAtStart,
        BenefitsAtStart = BenefitsAtStart,
        HighestScqfLevel = HighestScqfLevel,
        Equality = Equality,
        Circumstances = Circumstances,
    };

    public static ParticipantForm From(Participant p) => new()
    {
        GivenName = p.GivenName,
        FamilyName = p.FamilyName,
        PreferredName = p.PreferredName,
        DateOfBirth = p.DateOfBirth,
        NationalInsuranceNumber = p.NationalInsuranceNumber,
        Postcode = p.Postcode,
        AddressLine = p.AddressLine,
        Email = p.Email,
        Phone = p.Phone,
        PreferredContact = p.PreferredContact,
        EmploymentStatusAtStart = p.EmploymentStatusAtStart,
        BenefitsAtStart = p.BenefitsAtStart.ToList(),
        HighestScqfLevel = p.HighestScqfLevel,
        Equality = new EqualityMonitoring
        {
            Sex = p.Equality.Sex,
            TransStatus = p.Equality.TransStatus,
            Ethnicity = p.Equality.Ethnicity,
            Disabled = p.Equality.Disabled,
            LongTermHealthCondition = p.Equality.LongTermHealthCondition,
            Religion = p.Equality.Religion,
            SexualOrientation = p.Equality.SexualOrientation,
        },
        Circumstances = p.Circumstances,
    };
}
