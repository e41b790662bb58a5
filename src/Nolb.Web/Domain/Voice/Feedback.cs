using System.Globalization;

namespace Nolb.Web.Domain.Voice;

/// <summary>
/// One commitment of the Customer Charter. National commitments (no LEP) are maintained by administrators; an LEP adds
/// local ones. Feedback rates each commitment, so a commitment is retired (made inactive) rather than deleted.
/// </summary>
public sealed class CharterCommitment : IVersioned
{
    public const int MaxTextLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Null for the national charter; an LEP's id for its local commitments.</summary>
    public Guid? LepId { get; init; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public bool Active { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>When feedback is asked for: after the first month, on leaving, and at the six-month check in work.</summary>
public enum FeedbackPoint
{
    FirstMonth,
    Leaving,
    SixMonthsInWork,
}

/// <summary>How the feedback came in: by the person online, or on paper and keyed in by staff.</summary>
public enum FeedbackChannel
{
    Online,
    Paper,
}

/// <summary>
/// A record that holds no link to a person when it is anonymous, and so must leave no trace that could link it:
/// the audit trail does not record its creation (which would name the person's account and the time).
/// </summary>
public interface IUnlinkable
{
    bool IsAnonymous { get; }
}

/// <summary>
/// A person's feedback against the Customer Charter at one point of their support: a rating for each commitment and
/// what would make the service better. Anonymous feedback keeps only the LEP, the service, the period (a quarter)
/// and the point: no person, engagement, account or date, so it cannot be linked back to anyone.
/// </summary>
public sealed class FeedbackResponse : IVersioned, IUnlinkable
{
    public const int MaxImprovementLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }

    /// <summary>The organisation whose service the feedback is about, when known.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The financial-year quarter it was given in, such as "2026-27 Q3".</summary>
    public required string Period { get; init; }
    public FeedbackPoint Point { get; init; }
    public FeedbackChannel Channel { get; init; }
    public bool IsAnonymous { get; init; }

    /// <summary>Only when not anonymous.</summary>
    public Guid? ParticipantId { get; init; }

    /// <summary>Only when not anonymous.</summary>
    public Guid? EngagementId { get; init; }

    /// <summary>Only when not anonymous: the day it was given.</summary>
    public DateOnly? GivenOn { get; init; }

    public string? Improvement { get; init; }
    public List<FeedbackRating> Ratings { get; init; } = [];

    /// <summary>Themes staff tag the comment with, such as "waiting times" or "childcare".</summary>
    public List<string> Themes { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The financial year runs April to March; Q1 is April to June.</summary>
    public static string PeriodOf(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var quarter = ((date.Month + 8) % 12 / 3) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{startYear}-{(startYear + 1) % 100:00} Q{quarter}");
    }

    /// <summary>Checks and builds a response; with <paramref name="anonymous"/>, the person and engagement are dropped here, before anything is stored.</summary>
    public static (FeedbackResponse? Response, IReadOnlyList<(string Field, string Message)> Errors) Give(
        Guid lepId, Guid? organisationId, FeedbackPoint? point, FeedbackChannel channel, bool anonymous, Guid participantId, Guid engagementId,
        IReadOnlyDictionary<Guid, int?> ratings, IReadOnlyCollection<Guid> commitments, string? improvement, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (point is null || !Enum.IsDefined(point.Value))
        {
            errors.Add(("point", "Choose when this feedback is for: after the first month, when leaving, or six months into work"));
        }

        foreach (var (commitment, score) in ratings)
        {
            if (!commitments.Contains(commitment))
            {
                errors.Add(("ratings", "Rate only the commitments of this charter"));
                break;
            }

            if (score is { } s && (s < 1 || s > 5))
            {
                errors.Add(("ratings", "Each rating must be from 1 (not at all) to 5 (very much), or left out"));
                break;
            }
        }

        var rated = ratings.Where(r => r.Value is not null).ToList();
        if (rated.Count == 0 && string.IsNullOrWhiteSpace(improvement))
        {
            errors.Add(("ratings", "Answer at least one question, or say what would make things better"));
        }

        if (improvement is { } text && text.Trim().Length > MaxImprovementLength)
        {
            errors.Add(("improvement", "What would make it better must be 2,000 letters or fewer"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var response = new FeedbackResponse
        {
            LepId = lepId,
            OrganisationId = organisationId,
            Period = PeriodOf(today),
            Point = point!.Value,
            Channel = channel,
            IsAnonymous = anonymous,
            ParticipantId = anonymous ? null : participantId,
            EngagementId = anonymous ? null : engagementId,
            GivenOn = anonymous ? null : today,
            Improvement = string.IsNullOrWhiteSpace(improvement) ? null : improvement.Trim(),
        };
        response.Ratings.AddRange(rated.Select(r => new FeedbackRating { ResponseId = response.Id, CommitmentId = r.Key, Score = r.Value!.Value, IsAnonymous = anonymous }));
        return (response, []);
    }
}

/// <summary>How well one commitment was kept, from 1 (not at all) to 5 (very much).</summary>
public sealed class FeedbackRating : IUnlinkable
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ResponseId { get; init; }
    public Guid CommitmentId { get; init; }
    public int Score { get; init; }

    /// <summary>Copied from the response so the audit trail leaves the rating out too.</summary>
    public bool IsAnonymous { get; init; }

    /// <summary>A 4 or 5 counts towards the satisfaction figure.</summary>
    public bool Satisfied => Score >= 4;
}
