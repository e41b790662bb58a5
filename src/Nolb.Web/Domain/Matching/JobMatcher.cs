using System.Globalization;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Domain.Matching;

/// <summary>The facts about a job that matching uses.</summary>
public sealed record JobFacts(
    string SocCode, decimal? HoursPerWeek, IReadOnlyCollection<DayOfWeek> Days, string? Postcode, int? MinimumScqfLevel, bool DrivingLicenceRequired,
    string? SocTitle = null);

/// <summary>The facts about a person that matching uses. Barriers are the needs-assessment domains scored 1 or 2 most recently.</summary>
public sealed record PersonFacts(
    IReadOnlyCollection<string> SocGoals, decimal? MinHoursPerWeek, decimal? MaxHoursPerWeek, IReadOnlyCollection<DayOfWeek> AvailableDays,
    TravelBand Travel, string? Postcode, int? HighestScqfLevel, bool HasDrivingLicence, bool TransportBarrier, bool ChildcareBarrier);

/// <summary>One reason in a match: the points it gave (or took away) and why, in words a key worker can read to the person.</summary>
public sealed record MatchReason(string Factor, int Points, string Explanation);

public sealed record MatchScore(int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The job-matching score: a pure, deterministic function of the job and the person, out of 100, with every
/// point explained. Occupation 40, hours 20, travel 15, days 10, qualifications 10, driving 5; a transport or
/// childcare barrier the job would run into takes points away. Nothing is weighted by anything hidden.
/// </summary>
public static class JobMatcher
{
    public const int Maximum = 100;

    /// <summary>
    /// The score alone, without building the explanations: what ranking a whole LEP uses before explaining the
    /// few shown. Always equal to <see cref="Score(JobFacts, PersonFacts)"/>'s.
    /// </summary>
    public static int Points(JobFacts job, PersonFacts person) => Score(job, person, explain: false).Score;

    public static MatchScore Score(JobFacts job, PersonFacts person) => Score(job, person, explain: true);

    private static MatchScore Score(JobFacts job, PersonFacts person, bool explain)
    {
        if (!explain)
        {
            return new(Math.Clamp(FastPoints(job, person), 0, Maximum), []);
        }

        var reasons = new List<MatchReason>(7)
        {
            Occupation(job, person),
            Hours(job, person),
            Travel(job, person),
            Days(job, person),
            Qualifications(job, person),
            Driving(job, person),
        };
        var distance = Distance(job.Postcode, person.Postcode);
        if (person.TransportBarrier && distance is PostcodeDistance.SameArea or PostcodeDistance.Further)
        {
            reasons.Add(new("Barriers", -10, "Transport is a recorded barrier and the job is outside their postcode district"));
        }

        if (person.ChildcareBarrier && job.HoursPerWeek is > 16)
        {
            reasons.Add(new("Barriers", -5, string.Create(CultureInfo.InvariantCulture, $"Childcare is a recorded barrier and the job is {job.HoursPerWeek:0.#} hours a week")));
        }

        return new(Math.Clamp(reasons.Sum(r => r.Points), 0, Maximum), reasons);
    }

    private static int FastPoints(JobFacts job, PersonFacts person)
    {
        var distance = Distance(job.Postcode, person.Postcode);
        var points = OccupationPoints(job, person);
        points += job.HoursPerWeek is not { } hours ? 5
            : person.MinHoursPerWeek is null && person.MaxHoursPerWeek is null ? 10
            : hours >= (person.MinHoursPerWeek ?? 0) && hours <= (person.MaxHoursPerWeek ?? 100) ? 20 : 0;
        points += distance switch
        {
            PostcodeDistance.Unknown => 7,
            PostcodeDistance.SameDistrict => 15,
            PostcodeDistance.SameArea when person.Travel != TravelBand.SameDistrict => 12,
            PostcodeDistance.Further when person.Travel == TravelBand.Anywhere => 8,
            _ => 0,
        };
        points += job.Days.Count == 0 || person.AvailableDays.Count == 0 ? 5 : job.Days.All(person.AvailableDays.Contains) ? 10 : 0;
        points += job.MinimumScqfLevel is not { } needed ? 10 : person.HighestScqfLevel is { } level && level >= needed ? 10 : 0;
        points += !job.DrivingLicenceRequired || person.HasDrivingLicence ? 5 : 0;
        if (person.TransportBarrier && distance is PostcodeDistance.SameArea or PostcodeDistance.Further)
        {
            points -= 10;
        }

        if (person.ChildcareBarrier && job.HoursPerWeek is > 16)
        {
            points -= 5;
        }

        return points;
    }

    private static int OccupationPoints(JobFacts job, PersonFacts person)
    {
        if (person.SocGoals.Count == 0)
        {
            return 10;
        }

        var best = 0;
        foreach (var goal in person.SocGoals)
        {
            var points = goal == job.SocCode ? 40
                : goal.Length == 4 && string.CompareOrdinal(goal, 0, job.SocCode, 0, 3) == 0 ? 30
                : goal.Length == 1 && goal[0] == job.SocCode[0] ? 25
                : goal[0] == job.SocCode[0] ? 15 : 0;
            best = Math.Max(best, points);
        }

        return best;
    }

    private static MatchReason Occupation(JobFacts job, PersonFacts person)
    {
        if (person.SocGoals.Count == 0)
        {
            return new("Occupation", 10, "No job goals are recorded yet, so any occupation may suit");
        }

        if (person.SocGoals.Contains(job.SocCode))
        {
            return new("Occupation", 40, $"{(job.SocTitle is { } title ? $"{job.SocCode} {title}" : Occupations.Describe(job.SocCode))} is one of their job goals");
        }

        if (person.SocGoals.Any(g => g.Length == 4 && g[..3] == job.SocCode[..3]))
        {
            return new("Occupation", 30, "Close to one of their job goals (the same SOC 2020 minor group)");
        }

        if (person.SocGoals.Any(g => g.Length == 1 && g[0] == job.SocCode[0]))
        {
            return new("Occupation", 25, $"In a kind of work they want: {Occupations.TitleOf(job.SocCode[..1])}");
        }

        if (person.SocGoals.Any(g => g[0] == job.SocCode[0]))
        {
            return new("Occupation", 15, $"The same broad kind of work as one of their goals ({Occupations.TitleOf(job.SocCode[..1])})");
        }

        return new("Occupation", 0, "Not one of their job goals");
    }

    private static MatchReason Hours(JobFacts job, PersonFacts person)
    {
        if (job.HoursPerWeek is not { } hours)
        {
            return new("Hours", 5, "The job does not state its hours");
        }

        if (person.MinHoursPerWeek is null && person.MaxHoursPerWeek is null)
        {
            return new("Hours", 10, "The hours they can work are not recorded");
        }

        var min = person.MinHoursPerWeek ?? 0;
        var max = person.MaxHoursPerWeek ?? 100;
        return hours >= min && hours <= max
            ? new("Hours", 20, string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} hours a week is within the {min:0.#}–{max:0.#} they can work"))
            : new("Hours", 0, string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} hours a week is outside the {min:0.#}–{max:0.#} they can work"));
    }

    private static MatchReason Travel(JobFacts job, PersonFacts person) => Distance(job.Postcode, person.Postcode) switch
    {
        PostcodeDistance.Unknown => new("Travel", 7, "Travel cannot be judged: a postcode is missing"),
        PostcodeDistance.SameDistrict => new("Travel", 15, "The job is in their home postcode district"),
        PostcodeDistance.SameArea when person.Travel != TravelBand.SameDistrict => new("Travel", 12, "The job is in their home postcode area, as far as they will travel"),
        PostcodeDistance.Further when person.Travel == TravelBand.Anywhere => new("Travel", 8, "The job is outside their postcode area; they will travel anywhere"),
        _ => new("Travel", 0, "The job is further away than they want to travel"),
    };

    private static MatchReason Days(JobFacts job, PersonFacts person)
    {
        if (job.Days.Count == 0 || person.AvailableDays.Count == 0)
        {
            return new("Days", 5, "The working days are not stated on both sides");
        }

        var missing = job.Days.Where(d => !person.AvailableDays.Contains(d)).OrderBy(d => ((int)d + 6) % 7).ToList();
        return missing.Count == 0
            ? new("Days", 10, "They are available on every day the job needs")
            : new("Days", 0, $"They are not available on {string.Join(", ", missing)}");
    }

    private static MatchReason Qualifications(JobFacts job, PersonFacts person)
    {
        if (job.MinimumScqfLevel is not { } needed)
        {
            return new("Qualifications", 10, "The job asks for no particular qualification level");
        }

        return person.HighestScqfLevel is { } level && level >= needed
            ? new("Qualifications", 10, $"Their highest qualification (SCQF level {level}) meets the SCQF level {needed} asked for")
            : new("Qualifications", 0, person.HighestScqfLevel is { } l
                ? $"The job asks for SCQF level {needed}; their highest recorded is level {l}"
                : $"The job asks for SCQF level {needed}; no qualification level is recorded for them");
    }

    private static MatchReason Driving(JobFacts job, PersonFacts person) =>
        !job.DrivingLicenceRequired ? new("Driving", 5, "No driving licence needed")
        : person.HasDrivingLicence ? new("Driving", 5, "They have the driving licence the job needs")
        : new("Driving", 0, "The job needs a driving licence and none is recorded for them");

    public enum PostcodeDistance
    {
        Unknown,
        SameDistrict,
        SameArea,
        Further,
    }

    /// <summary>The postcode district ("G31 2AB" → "G31"), which matching compares; a district passes through unchanged.</summary>
    public static string? PostcodeDistrict(string? postcode) => District(postcode);

    /// <summary>Compares outward codes ("G31 2AB" → district G31, area G) without allocating, as it runs once per person.</summary>
    public static PostcodeDistance Distance(string? a, string? b)
    {
        var da = District(a);
        var db = District(b);
        if (da is null || db is null)
        {
            return PostcodeDistance.Unknown;
        }

        if (string.Equals(da, db, StringComparison.Ordinal))
        {
            return PostcodeDistance.SameDistrict;
        }

        var area = AreaLength(da);
        return area == AreaLength(db) && string.CompareOrdinal(da, 0, db, 0, area) == 0 ? PostcodeDistance.SameArea : PostcodeDistance.Further;
    }

    private static string? District(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        if (IsDistrict(postcode))
        {
            return postcode;
        }

        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length >= 5 ? compact[..^3] : compact.Length >= 2 ? compact : null;
    }

    private static bool IsDistrict(string value)
    {
        if (value.Length > 4)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int AreaLength(string district)
    {
        var length = 0;
        while (length < district.Length && char.IsAsciiLetter(district[length]))
        {
            length++;
        }

        return length;
    }
}
