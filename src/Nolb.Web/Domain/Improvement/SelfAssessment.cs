namespace Nolb.Web.Domain.Improvement;

/// <summary>Which framework a self-assessment rates against.</summary>
public enum AssessmentFramework
{
    /// <summary>The four national Employability Service Standards: a delivery partner or the LEP rates its services.</summary>
    ServiceStandards,

    /// <summary>The Local Employability Partnership framework themes: the partnership rates itself (Section 1.5).</summary>
    LepFramework,
}

public enum SelfAssessmentStatus
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>How well a standard or theme is met, from 1 to 4.</summary>
public static class SelfAssessmentScale
{
    public const int Min = 1;
    public const int Max = 4;

    public static string Label(int score) => score switch
    {
        1 => "1: not yet met",
        2 => "2: partly met",
        3 => "3: mostly met",
        4 => "4: fully met",
        _ => "not rated",
    };
}

/// <summary>One standard or theme rated, with the evidence for the rating.</summary>
public sealed class SelfAssessmentRating
{
    public const int MaxEvidenceLength = 2000;

    public required string Code { get; init; }
    public int? Score { get; init; }
    public string? Evidence { get; init; }
}

/// <summary>
/// A self-assessment for one financial year: a delivery partner organisation (or the LEP itself, with no organisation)
/// against the Service Standards, or the partnership against the LEP framework themes. It is written as a draft, submitted,
/// and reviewed by an LEP manager, who accepts it or returns it with a comment; a returned one is changed and submitted again.
/// </summary>
public sealed class SelfAssessment : IVersioned
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }

    /// <summary>The delivery partner rating itself; null when the LEP rates itself.</summary>
    public Guid? OrganisationId { get; init; }
    public AssessmentFramework Framework { get; init; }

    /// <summary>The financial year it covers, by the calendar year it starts in (April).</summary>
    public int FinancialYear { get; init; }
    public SelfAssessmentStatus Status { get; private set; } = SelfAssessmentStatus.Draft;
    public List<SelfAssessmentRating> Ratings { get; private set; } = [];
    public string? ReviewComment { get; private set; }
    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SubmittedAt { get; private set; }
    public Guid? SubmittedByUserId { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool CanChange => Status is SelfAssessmentStatus.Draft or SelfAssessmentStatus.Returned;

    public int? ScoreFor(string code) => Ratings.FirstOrDefault(r => r.Code == code)?.Score;

    /// <summary>Replaces the ratings. <paramref name="codes"/> are the framework's standards or themes; a score may be left out while a draft.</summary>
    public IReadOnlyList<(string Field, string Message)> Rate(IReadOnlyList<SelfAssessmentRating> ratings, IReadOnlyList<string> codes)
    {
        if (!CanChange)
        {
            return [("", "This self-assessment has been submitted. It can be changed only if the LEP manager returns it")];
        }

        var errors = new List<(string, string)>();
        foreach (var rating in ratings)
        {
            if (!codes.Contains(rating.Code))
            {
                errors.Add(("ratings", $"\"{rating.Code}\" is not one of the framework's standards or themes"));
            }
            else if (rating.Score is { } s && (s < SelfAssessmentScale.Min || s > SelfAssessmentScale.Max))
            {
                errors.Add(($"ratings.{rating.Code}.score", "Choose a rating from 1 (not yet met) to 4 (fully met)"));
            }
            else if (rating.Evidence is { } e && e.Trim().Length > SelfAssessmentRating.MaxEvidenceLength)
            {
                errors.Add(($"ratings.{rating.Code}.evidence", "The evidence must be 2,000 characters or fewer"));
            }
        }

        if (ratings.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count() < ratings.Count)
        {
            errors.Add(("ratings", "Rate each standard or theme once"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Ratings = codes.Select(code => ratings.FirstOrDefault(r => r.Code == code) is { } r
            ? new SelfAssessmentRating { Code = code, Score = r.Score, Evidence = string.IsNullOrWhiteSpace(r.Evidence) ? null : r.Evidence.Trim() }
            : new SelfAssessmentRating { Code = code }).ToList();
        return [];
    }

    /// <summary>Submits it for review: every standard or theme needs a rating and evidence.</summary>
    public IReadOnlyList<(string Field, string Message)> Submit(IReadOnlyList<string> codes, Guid by, DateTime now)
    {
        if (!CanChange)
        {
            return [("", "This self-assessment has already been submitted")];
        }

        var errors = codes.Where(code => Ratings.FirstOrDefault(r => r.Code == code) is not { Score: not null, Evidence: not null })
            .Select(code => ($"ratings.{code}.score", $"Rate \"{code}\" and give the evidence for the rating before you submit"))
            .ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        Status = SelfAssessmentStatus.Submitted;
        SubmittedAt = now;
        SubmittedByUserId = by;
        return [];
    }

    /// <summary>The LEP manager's review: accept it, or return it with a comment saying what to change.</summary>
    public IReadOnlyList<(string Field, string Message)> Review(bool? accept, string? comment, Guid by, DateTime now)
    {
        if (Status != SelfAssessmentStatus.Submitted)
        {
            return [("", "Only a submitted self-assessment can be reviewed")];
        }

        if (accept is null)
        {
            return [("accept", "Choose whether to accept the self-assessment or return it")];
        }

        if (comment is { } c && c.Trim().Length > MaxCommentLength)
        {
            return [("comment", "The comment must be 2,000 characters or fewer")];
        }

        if (accept == false && string.IsNullOrWhiteSpace(comment))
        {
            return [("comment", "Say what needs to change when you return a self-assessment")];
        }

        Status = accept.Value ? SelfAssessmentStatus.Accepted : SelfAssessmentStatus.Returned;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAt = now;
        ReviewedByUserId = by;
        return [];
    }
}
