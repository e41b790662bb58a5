using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Assessments;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>The add and change forms for one goal and action.</summary>
public sealed class ItemForm
{
    public string? Goal { get; set; }
    public string? Action { get; set; }
    public ActionOwner? Owner { get; set; }
    public Guid? OrganisationId { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionStatus? Status { get; set; } = ActionStatus.NotStarted;
    public AssessmentDomain? Domain { get; set; }
    public Guid? Version { get; set; }

    public ActionPlanDetails ToDetails() => new(Goal, Action, Owner, OrganisationId, DueDate, Status, Domain);

    public static ItemForm From(ActionPlanItem item) => new()
    {
        Goal = item.Goal,
        Action = item.Action,
        Owner = item.Owner,
        OrganisationId = item.OrganisationId,
        DueDate = item.DueDate,
        Status = item.Status,
        Domain = item.Domain,
        Version = item.Version,
    };

    /// <summary>Partner organisations an action may be given to: the engagement's LEP's and national ones.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OrganisationsAsync(NolbDbContext db, Guid lepId, CancellationToken ct) =>
        await db.Organisations.Where(o => o.LepId == null || o.LepId == lepId)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(ct);
}
