namespace Nolb.Web.Domain.Interventions;

/// <summary>
/// Support given to a person during an engagement: which kind (from the catalogue), who delivered it,
/// when, for how long, how it ended and any qualification it led to.
/// </summary>
public sealed class Intervention : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }

    /// <summary>The LEP of the engagement, kept here so audit lines and LEP-wide counts need no join.</summary>
    public Guid LepId { get; init; }

    public Guid TypeId { get; private set; }
    public InterventionType? Type { get; set; }
    public DeliveredBy DeliveredBy { get; private set; }
    public Guid? PartnerOrganisationId { get; private set; }
    public Organisation? PartnerOrganisation { get; set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public decimal? Hours { get; private set; }
    public InterventionOutcome Outcome { get; private set; }
    public string? Notes { get; private set; }
    public string? QualificationTitle { get; private set; }
    public int? QualificationScqfLevel { get; private set; }
    public string? QualificationAwardingBody { get; private set; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool HasQualification => QualificationTitle is not null;

    /// <summary>Checks the details against the engagement and, when they are valid, applies them.</summary>
    public IReadOnlyList<(string Field, string Message)> Apply(InterventionDetails details, DateOnly engagementStart, DateOnly today)
    {
        var errors = InterventionRules.Validate(details, engagementStart, today);
        if (errors.Count > 0)
        {
            return errors;
        }

        TypeId = details.TypeId!.Value;
        DeliveredBy = details.DeliveredBy!.Value;
        PartnerOrganisationId = details.DeliveredBy == DeliveredBy.PartnerOrganisation ? details.PartnerOrganisationId : null;
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate;
        Hours = details.Hours;
        Outcome = details.Outcome!.Value;
        Notes = Clean(details.Notes);
        var qualification = Clean(details.QualificationTitle);
        QualificationTitle = qualification;
        QualificationScqfLevel = qualification is null ? null : details.QualificationScqfLevel;
        QualificationAwardingBody = qualification is null ? null : Clean(details.QualificationAwardingBody);
        return [];
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a person or a client says about an intervention; checked by <see cref="InterventionRules"/>.</summary>
public sealed record InterventionDetails(
    Guid? TypeId, DeliveredBy? DeliveredBy, Guid? PartnerOrganisationId, DateOnly? StartDate, DateOnly? EndDate,
    decimal? Hours, InterventionOutcome? Outcome, string? Notes,
    string? QualificationTitle, int? QualificationScqfLevel, string? QualificationAwardingBody);

public static class InterventionRules
{
    public const int NotesLength = 4000;
    public const int QualificationTitleLength = 200;
    public const int AwardingBodyLength = 200;
    public const decimal MaxHours = 2000m;

    /// <summary>Every problem with the details at once, each naming its field and the fix.</summary>
    public static List<(string Field, string Message)> Validate(InterventionDetails d, DateOnly engagementStart, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (d.TypeId is null)
        {
            errors.Add(("TypeId", "Choose the type of intervention"));
        }

        if (d.DeliveredBy is null || !Enum.IsDefined(d.DeliveredBy.Value))
        {
            errors.Add(("DeliveredBy", "Choose who delivered the intervention: your own team or a partner organisation"));
        }
        else if (d.DeliveredBy == DeliveredBy.PartnerOrganisation && d.PartnerOrganisationId is null)
        {
            errors.Add(("PartnerOrganisationId", "Choose the partner organisation that delivered the intervention"));
        }

        if (d.StartDate is null)
        {
            errors.Add(("StartDate", "Enter the date the intervention started"));
        }
        else if (d.StartDate < engagementStart)
        {
            errors.Add(("StartDate", $"The start date cannot be before the engagement started ({engagementStart:d MMMM yyyy})"));
        }
        else if (d.StartDate > today)
        {
            errors.Add(("StartDate", "The start date cannot be in the future: record an intervention once it has started"));
        }

        if (d.EndDate is { } end && d.StartDate is { } start && end < start)
        {
            errors.Add(("EndDate", "The end date must be the same as or after the start date"));
        }

        if (d.Hours is { } hours && (hours <= 0 || hours > MaxHours))
        {
            errors.Add(("Hours", "Enter the hours as a number more than 0 and no more than 2,000"));
        }

        if (d.Outcome is null || !Enum.IsDefined(d.Outcome.Value))
        {
            errors.Add(("Outcome", "Choose the outcome: ongoing, completed or did not complete"));
        }
        else if (d.Outcome != InterventionOutcome.Ongoing && d.EndDate is null)
        {
            errors.Add(("EndDate", "Enter the end date: an intervention that has finished needs one"));
        }
        else if (d.Outcome == InterventionOutcome.Ongoing && d.EndDate is { } ended && ended < today)
        {
            errors.Add(("Outcome", "The end date has passed: choose completed or did not complete"));
        }

        if (d.Notes is { Length: > NotesLength })
        {
            errors.Add(("Notes", "The notes must be 4,000 characters or fewer"));
        }

        errors.AddRange(QualificationErrors(d.QualificationTitle, d.QualificationScqfLevel, d.QualificationAwardingBody));
        return errors;
    }

    /// <summary>A qualification is optional; when a title is given, its SCQF level (1–12) and awarding body are needed too.</summary>
    public static IEnumerable<(string Field, string Message)> QualificationErrors(string? title, int? level, string? awardingBody)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            if (level is not null || !string.IsNullOrWhiteSpace(awardingBody))
            {
                yield return ("QualificationTitle", "Enter the title of the qualification gained, or leave the qualification fields empty");
            }

            yield break;
        }

        if (title.Trim().Length > QualificationTitleLength)
        {
            yield return ("QualificationTitle", $"The qualification title must be {QualificationTitleLength} characters or fewer");
        }

        if (level is null || level < 1 || level > 12)
        {
            yield return ("QualificationScqfLevel", "Enter the qualification's SCQF level, a whole number from 1 to 12");
        }

        if (string.IsNullOrWhiteSpace(awardingBody))
        {
            yield return ("QualificationAwardingBody", "Enter the awarding body, for example SQA or City & Guilds");
        }
        else if (awardingBody.Trim().Length > AwardingBodyLength)
        {
            yield return ("QualificationAwardingBody", $"The awarding body must be {AwardingBodyLength} characters or fewer");
        }
    }
}

public enum DeliveredBy
{
    OwnTeam,
    PartnerOrganisation,
}

public enum InterventionOutcome
{
    Ongoing,
    Completed,
    DidNotComplete,
    NoLongerNeeded,
}
