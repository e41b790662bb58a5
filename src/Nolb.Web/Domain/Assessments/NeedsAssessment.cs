namespace Nolb.Web.Domain.Assessments;

/// <summary>
/// A needs assessment done by a key worker with the person on one day: a score for each domain they
/// talked about (a domain not discussed has no score), and the person's strengths and aspirations in
/// their own words. Assessments are repeated; comparing them shows the distance travelled.
/// </summary>
public sealed class NeedsAssessment
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }

    /// <summary>The LEP of the engagement: kept on the row for tenancy checks and the audit trail.</summary>
    public Guid LepId { get; init; }

    public DateOnly AssessedOn { get; init; }
    public string? Strengths { get; init; }
    public string? Aspirations { get; init; }
    public List<DomainScore> Scores { get; init; } = [];
    public Guid AssessedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }

    public int? ScoreFor(AssessmentDomain domain) => Scores.SingleOrDefault(s => s.Domain == domain)?.Score;

    /// <summary>
    /// Checks and builds an assessment. <paramref name="scores"/> holds a score for each domain discussed;
    /// a null score (or a missing domain) means "not discussed". Every problem is reported, each with its field.
    /// </summary>
    public static (NeedsAssessment? Assessment, IReadOnlyList<(string Field, string Message)> Errors) Record(
        Guid engagementId, Guid lepId, DateOnly engagementStart, DateOnly? engagementEnd,
        DateOnly? assessedOn, IReadOnlyDictionary<AssessmentDomain, int?> scores, string? strengths, string? aspirations,
        Guid assessedBy, DateOnly today, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (assessedOn is null)
        {
            errors.Add(("assessedOn", "Enter the date of the assessment"));
        }
        else if (assessedOn < engagementStart)
        {
            errors.Add(("assessedOn", $"The date of the assessment cannot be before the engagement started ({engagementStart.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))})"));
        }
        else if (assessedOn > today)
        {
            errors.Add(("assessedOn", "The date of the assessment cannot be in the future"));
        }
        else if (engagementEnd is { } ended && assessedOn > ended)
        {
            errors.Add(("assessedOn", "The date of the assessment cannot be after the engagement ended"));
        }

        foreach (var (domain, score) in scores.OrderBy(s => s.Key))
        {
            if (!Enum.IsDefined(domain))
            {
                errors.Add(("scores", "Score only the domains on the assessment"));
            }
            else if (score is { } value && !AssessmentScale.IsValid(value))
            {
                errors.Add(($"scores.{domain}", $"Score {domain.Describe().Name.ToLowerInvariant()} from 1 to 5, or leave it as not discussed"));
            }
        }

        if (!scores.Values.Any(s => s is not null))
        {
            errors.Add(("scores", "Score at least one domain you talked about with the person"));
        }

        if (strengths?.Length > MaxTextLength)
        {
            errors.Add(("strengths", "Strengths must be 2,000 characters or fewer"));
        }

        if (aspirations?.Length > MaxTextLength)
        {
            errors.Add(("aspirations", "Aspirations must be 2,000 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var assessment = new NeedsAssessment
        {
            EngagementId = engagementId,
            LepId = lepId,
            AssessedOn = assessedOn!.Value,
            Strengths = string.IsNullOrWhiteSpace(strengths) ? null : strengths.Trim(),
            Aspirations = string.IsNullOrWhiteSpace(aspirations) ? null : aspirations.Trim(),
            AssessedByUserId = assessedBy,
            RecordedAt = now,
        };
        assessment.Scores.AddRange(scores
            .Where(s => s.Value is not null)
            .OrderBy(s => s.Key)
            .Select(s => new DomainScore { NeedsAssessmentId = assessment.Id, Domain = s.Key, Score = s.Value!.Value }));
        return (assessment, []);
    }
}

/// <summary>One domain's score on one assessment, 1–5.</summary>
public sealed class DomainScore
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid NeedsAssessmentId { get; init; }
    public AssessmentDomain Domain { get; init; }
    public int Score { get; init; }
}
