namespace Nolb.Web.Domain.Improvement;

public enum ImprovementStatus
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// One action of the LEP's improvement action plan (seed 000, Sections 1.5 and 6.3): what will be done, who owns it, by when,
/// how it is going, and the evidence it answers: feedback themes, Shared Measurement Framework indicator codes and Service Standards.
/// </summary>
public sealed class ImprovementAction : IVersioned
{
    public const int MaxActionLength = 1000;
    public const int MaxOwnerLength = 200;
    public const int MaxProgressLength = 2000;
    public const int MaxLinks = 10;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public string Action { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public ImprovementStatus Status { get; private set; }
    public string? Progress { get; private set; }
    public List<string> FeedbackThemes { get; private set; } = [];
    public List<string> IndicatorCodes { get; private set; } = [];
    public List<string> StandardCodes { get; private set; } = [];
    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOverdue(DateOnly today) => DueDate < today && Status is ImprovementStatus.NotStarted or ImprovementStatus.InProgress;

    /// <summary>The evidence an action may link to: the LEP's feedback themes, the indicator codes and the standards' codes.</summary>
    public sealed record KnownEvidence(IReadOnlySet<string> FeedbackThemes, IReadOnlySet<string> IndicatorCodes, IReadOnlySet<string> StandardCodes);

    public IReadOnlyList<(string Field, string Message)> Set(
        string? action, string? owner, DateOnly? dueDate, ImprovementStatus? status, string? progress,
        IReadOnlyCollection<string>? themes, IReadOnlyCollection<string>? indicators, IReadOnlyCollection<string>? standards, KnownEvidence known)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(action) || action.Trim().Length > MaxActionLength)
        {
            errors.Add(("action", "Enter the improvement action, in up to 1,000 characters"));
        }

        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > MaxOwnerLength)
        {
            errors.Add(("owner", "Enter who owns the action (a person, partner or group), in up to 200 characters"));
        }

        if (dueDate is null)
        {
            errors.Add(("dueDate", "Enter the date the action is due"));
        }

        if (status is not { } s || !Enum.IsDefined(s))
        {
            errors.Add(("status", "Choose how the action is going: not started, in progress, done or dropped"));
        }

        if (progress is { } p && p.Trim().Length > MaxProgressLength)
        {
            errors.Add(("progress", "The progress note must be 2,000 characters or fewer"));
        }

        var themeList = Clean(themes, lower: true);
        var indicatorList = Clean(indicators, lower: false);
        var standardList = Clean(standards, lower: false);
        Check(errors, "feedbackThemes", themeList, known.FeedbackThemes, "a theme of your LEP's feedback");
        Check(errors, "indicatorCodes", indicatorList, known.IndicatorCodes, "a Shared Measurement Framework indicator code");
        Check(errors, "standardCodes", standardList, known.StandardCodes, "one of the Service Standards");
        if (errors.Count > 0)
        {
            return errors;
        }

        Action = action!.Trim();
        Owner = owner!.Trim();
        DueDate = dueDate!.Value;
        Status = status!.Value;
        Progress = string.IsNullOrWhiteSpace(progress) ? null : progress.Trim();
        FeedbackThemes = themeList;
        IndicatorCodes = indicatorList;
        StandardCodes = standardList;
        return [];
    }

    private static List<string> Clean(IReadOnlyCollection<string>? values, bool lower) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => lower ? v.Trim().ToLowerInvariant() : v.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static void Check(List<(string, string)> errors, string field, List<string> values, IReadOnlySet<string> known, string what)
    {
        if (values.Count > MaxLinks)
        {
            errors.Add((field, $"Link up to {MaxLinks} of them"));
        }
        else if (values.FirstOrDefault(v => !known.Contains(v)) is { } unknown)
        {
            errors.Add((field, $"\"{unknown}\" is not {what}. Choose from the list"));
        }
    }
}
