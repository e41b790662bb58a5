using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Measurement;

namespace Nolb.Web.Features.Improvement;

/// <summary>The improvement action form shared by the add and change pages (<c>_ActionFields.cshtml</c>).</summary>
public sealed class ActionForm
{
    public string? Action { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueDate { get; set; }
    public ImprovementStatus? Status { get; set; }
    public string? Progress { get; set; }
    public List<string> FeedbackThemes { get; set; } = [];
    public List<string> IndicatorCodes { get; set; } = [];
    public List<string> StandardCodes { get; set; } = [];
    public Guid? Version { get; set; }

    public ImprovementActionCommands.Details ToDetails() => new(Action, Owner, DueDate, Status, Progress, FeedbackThemes, IndicatorCodes, StandardCodes);

    public static ActionForm From(ImprovementAction a) => new()
    {
        Action = a.Action,
        Owner = a.Owner,
        DueDate = a.DueDate,
        Status = a.Status,
        Progress = a.Progress,
        FeedbackThemes = a.FeedbackThemes,
        IndicatorCodes = a.IndicatorCodes,
        StandardCodes = a.StandardCodes,
        Version = a.Version,
    };

    public sealed record Choices(IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Indicators, IReadOnlyList<SelectListItem> Standards);

    public static IReadOnlyList<SelectListItem> Statuses { get; } =
        Enum.GetValues<ImprovementStatus>().Select(s => new SelectListItem(ImprovementLabels.Label(s), s.ToString())).ToList();

    public static Choices ChoicesFrom(ImprovementAction.KnownEvidence known) => new(
        known.FeedbackThemes.Order(StringComparer.Ordinal).Select(t => new SelectListItem(t, t)).ToList(),
        MeasurementData.Catalogue.Indicators.Select(i => new SelectListItem($"{i.Code} {i.Name}", i.Code)).ToList(),
        AssessmentFrameworks.ServiceStandards.Items.Select(s => new SelectListItem($"{s.Code} {s.Name}", s.Code)).ToList());
}
