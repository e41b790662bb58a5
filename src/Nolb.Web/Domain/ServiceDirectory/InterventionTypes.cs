namespace Nolb.Web.Domain.ServiceDirectory;

/// <summary>
/// The nine intervention categories of Annex 1 of the No One Left Behind operating plan, named verbatim.
/// The code is what the directory stores and exports (an HSDS taxonomy term code), so the categories keep
/// their meaning if the wording of a label changes.
/// </summary>
public static class InterventionTypes
{
    public sealed record Category(string Code, string Name);

    public static IReadOnlyList<Category> All { get; } =
    [
        new("referral-engagement", "Referral and Engagement Activity"),
        new("case-management", "Case Management"),
        new("money-debt", "Money Management/Debt Advice"),
        new("health-wellbeing", "Health and Wellbeing"),
        new("personal-social", "Personal and Social Development"),
        new("accredited-training", "Accredited and Certificated Core / Vocational Skills Training"),
        new("work-experience", "Work Experience"),
        new("job-search", "Job Search"),
        new("employer-matching", "Employer Support, Engagement and Job Matching"),
    ];

    public static bool IsKnown(string code) => All.Any(c => c.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}
