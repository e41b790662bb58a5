using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.Participants;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>The words people see for the directory's choices.</summary>
public static class DirectoryLabels
{
    public static string Label(this ServiceKind kind) => kind switch
    {
        ServiceKind.Employability => "Employability (LEP-commissioned)",
        ServiceKind.Health => "Health",
        ServiceKind.Housing => "Housing",
        ServiceKind.MoneyAdvice => "Money advice",
        ServiceKind.Justice => "Justice",
        ServiceKind.Dwp => "DWP and Jobcentre Plus",
        ServiceKind.Childcare => "Childcare",
        ServiceKind.Transport => "Transport",
        _ => "Other local service",
    };

    public static string Label(this TargetGroup group) => group switch
    {
        TargetGroup.AllAges => "Anyone (all ages)",
        TargetGroup.YoungPeople => "Young people (16 to 24)",
        TargetGroup.LongTermUnemployed => "Long-term unemployed",
        TargetGroup.DisabledOrHealthCondition => "Disabled people and people with a long-term health condition",
        TargetGroup.Parents => "Parents (child poverty priority families)",
        TargetGroup.CareExperienced => "Care experienced",
        TargetGroup.JusticeExperienced => "Justice experienced",
        TargetGroup.MinorityEthnic => "Minority ethnic people",
        TargetGroup.Over50 => "People aged 50 and over",
        TargetGroup.RefugeesAndNewScots => "Refugees and New Scots",
        TargetGroup.Carers => "Unpaid carers",
        TargetGroup.InRecovery => "People in recovery",
        _ => "People in in-work poverty",
    };

    public static IReadOnlyList<SelectListItem> Kinds() => ParticipantLabels.Choices<ServiceKind>(Label);

    public static IReadOnlyList<SelectListItem> TargetGroups() => ParticipantLabels.Choices<TargetGroup>(Label);

    public static IReadOnlyList<SelectListItem> Stages() => ParticipantLabels.Stages();

    public static IReadOnlyList<SelectListItem> Interventions() =>
        InterventionTypes.All.Select(c => new SelectListItem(c.Name, c.Code)).ToList();

    public static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static IReadOnlyList<SelectListItem> Days() =>
        DayCodes.Select(d => new SelectListItem(DayName(d), d)).ToList();

    public static string DayName(string code) => code switch
    {
        "MO" => "Monday",
        "TU" => "Tuesday",
        "WE" => "Wednesday",
        "TH" => "Thursday",
        "FR" => "Friday",
        "SA" => "Saturday",
        "SU" => "Sunday",
        _ => code,
    };

    public static string Describe(this ServiceSchedule schedule)
    {
        var days = string.Join(", ", schedule.ByDay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DayName));
        var times = schedule.OpensAt is { } opens && schedule.ClosesAt is { } closes
            ? $", {opens.ToString("HH:mm", CultureInfo.InvariantCulture)} to {closes.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : "";
        return days + times + (schedule.Description is null ? "" : $" ({schedule.Description})");
    }

    public static string AgeRange(int? min, int? max) => (min, max) switch
    {
        (null, null) => "Any age",
        ({ } a, null) => $"{a} and over",
        (null, { } b) => $"Up to {b}",
        ({ } a, { } b) => $"{a} to {b}",
    };

    public static string StageList(IEnumerable<PipelineStage> stages) =>
        string.Join(", ", stages.OrderBy(s => s).Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
}
