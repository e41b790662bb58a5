namespace Nolb.Web.Domain.Matching;

/// <summary>
/// What a person is looking for, recorded with their key worker for job matching: the occupations they
/// want (SOC 2020 unit groups, or whole major groups), the hours and days they can work, how far they
/// will travel, and whether they can drive.
/// </summary>
public sealed class JobPreferences : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public List<string> SocGoals { get; set; } = [];
    public decimal? MinHoursPerWeek { get; set; }
    public decimal? MaxHoursPerWeek { get; set; }
    public List<DayOfWeek> AvailableDays { get; set; } = [];
    public TravelBand Travel { get; set; } = TravelBand.SameArea;
    public bool HasDrivingLicence { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>How far a person will travel, in terms of their home postcode: the same district (G31), the same area (G), or anywhere.</summary>
public enum TravelBand
{
    SameDistrict,
    SameArea,
    Anywhere,
}
