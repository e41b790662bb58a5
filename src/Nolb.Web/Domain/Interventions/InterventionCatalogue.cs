namespace Nolb.Web.Domain.Interventions;

/// <summary>
/// A heading of the intervention catalogue (seed 000, Annex 1 "Example of Interventions"). Reference data:
/// seeded on first start and extended by administrators without code.
/// </summary>
public sealed class InterventionCategory
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>A stable code other features and exports refer to, e.g. "money-management".</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<InterventionType> Types { get; init; } = [];
}

/// <summary>A kind of support under a category, such as a Better Off In Work calculation.</summary>
public sealed class InterventionType
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid CategoryId { get; init; }
    public InterventionCategory? Category { get; set; }

    /// <summary>A stable code made of the category's and its own, e.g. "money-management.better-off-in-work".</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>The rules for codes and names of catalogue entries, shared by the seed and the administrator's page.</summary>
public static class CatalogueCodes
{
    public const int NameLength = 200;
    public const int CodeLength = 100;

    /// <summary>A code from a name: lower case letters and digits joined by hyphens.</summary>
    public static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
