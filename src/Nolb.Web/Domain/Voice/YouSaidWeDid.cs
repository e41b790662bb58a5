namespace Nolb.Web.Domain.Voice;

/// <summary>
/// "You said, we did": a change an LEP made because of what people told it, written for the people it supports.
/// Linked to the themes staff tag feedback comments with, so the partnership can show which feedback led to which change.
/// Every entry of an LEP is shown to that LEP's participants on their own page.
/// </summary>
public sealed class YouSaidWeDid : IVersioned
{
    public const int MaxTextLength = 600;
    public const int MaxThemes = 10;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }

    /// <summary>What people told us, in their words or close to them.</summary>
    public string YouSaid { get; private set; } = "";

    /// <summary>What the partnership changed.</summary>
    public string WeDid { get; private set; } = "";

    /// <summary>The day the change was made.</summary>
    public DateOnly ChangedOn { get; private set; }

    /// <summary>The feedback themes (as staff tagged the comments) this change answers.</summary>
    public List<string> Themes { get; private set; } = [];
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Checks the details and sets them. <paramref name="knownThemes"/> are the themes the LEP's feedback has been tagged with:
    /// a change can only be linked to feedback that exists.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Set(
        string? youSaid, string? weDid, DateOnly? changedOn, IReadOnlyCollection<string>? themes, IReadOnlySet<string> knownThemes, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(youSaid) || youSaid.Trim().Length > MaxTextLength)
        {
            errors.Add(("youSaid", "Enter what people told you, in up to 600 characters"));
        }

        if (string.IsNullOrWhiteSpace(weDid) || weDid.Trim().Length > MaxTextLength)
        {
            errors.Add(("weDid", "Enter what you changed because of it, in up to 600 characters"));
        }

        if (changedOn is not { } day)
        {
            errors.Add(("changedOn", "Enter the date the change was made"));
        }
        else if (day > today)
        {
            errors.Add(("changedOn", "The date of the change cannot be in the future. Record it once it is made"));
        }

        var tags = (themes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count == 0)
        {
            errors.Add(("themes", "Choose at least one feedback theme this change answers"));
        }
        else if (tags.Count > MaxThemes)
        {
            errors.Add(("themes", "Choose up to 10 feedback themes"));
        }
        else if (tags.FirstOrDefault(t => !knownThemes.Contains(t)) is { } unknown)
        {
            errors.Add(("themes", $"\"{unknown}\" is not a theme of your LEP's feedback. Choose themes staff have tagged comments with"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        YouSaid = youSaid!.Trim();
        WeDid = weDid!.Trim();
        ChangedOn = changedOn!.Value;
        Themes = tags;
        return [];
    }
}
