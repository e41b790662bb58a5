using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Assessments;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>The words people see for action plans and assessments, and the date format used on them.</summary>
public static class PlanLabels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "No longer needed",
    };

    public static string Label(this ActionOwner owner) => owner switch
    {
        ActionOwner.Participant => "The person",
        ActionOwner.KeyWorker => "Key worker",
        _ => "Partner organisation",
    };

    /// <summary>Who does it, as the plan given to the person says it.</summary>
    public static string ForPerson(this ActionPlanItem item) => item.Owner switch
    {
        ActionOwner.Participant => "Me",
        ActionOwner.KeyWorker => "My key worker",
        _ => item.Organisation?.Name ?? "A partner organisation",
    };

    public static string Who(this ActionPlanItem item) =>
        item.Owner == ActionOwner.PartnerOrganisation ? item.Organisation?.Name ?? "Partner organisation" : item.Owner.Label();

    public static IReadOnlyList<SelectListItem> Statuses() =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Owners() =>
        Enum.GetValues<ActionOwner>().Select(o => new SelectListItem(o.Label(), o.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Domains() =>
        Enum.GetValues<AssessmentDomain>().Select(d => new SelectListItem(d.Describe().Name, d.ToString())).ToList();

    /// <summary>The radio choices for one domain: each point with its words, then "not discussed" (an empty value).</summary>
    public static IReadOnlyList<SelectListItem> ScoreChoices() =>
        AssessmentScale.Anchors.Select(a => new SelectListItem($"{a.Score.ToString(CultureInfo.InvariantCulture)}: {a.Anchor}", a.Score.ToString(CultureInfo.InvariantCulture)))
            .Append(new SelectListItem("Not discussed", ""))
            .ToList();

    public static string ScoreText(int? score) =>
        score is { } s ? $"{s.ToString(CultureInfo.InvariantCulture)}: {AssessmentScale.Anchor(s)}" : "Not discussed";

    public static string ChangeText(int? change) => change switch
    {
        null => "Not compared",
        > 0 => $"Up {change.Value.ToString(CultureInfo.InvariantCulture)}",
        < 0 => $"Down {(-change.Value).ToString(CultureInfo.InvariantCulture)}",
        _ => "No change",
    };
}
