using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>
/// Changes to a person's action plan: add a goal and action, change one (refused if someone else saved it
/// since it was read), and set the review date. The plan is made with its first action or review date.
/// </summary>
public sealed class ActionPlanCommands(NolbDbContext db, EngagementCases cases, CurrentUser currentUser, TimeProvider clock)
{
    public const string AuditedAs = nameof(ActionPlan);

    public const string ConflictMessage =
        "Someone else changed this action while you were editing it. Reload to see their change, then make yours again";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The engagement's plan with its items and their organisations; null when none has been made yet.</summary>
    public Task<ActionPlan?> PlanAsync(Guid engagementId, CancellationToken ct) =>
        db.ActionPlans.Include(p => p.Items).ThenInclude(i => i.Organisation)
            .SingleOrDefaultAsync(p => p.EngagementId == engagementId, ct);

    public async Task<PlanningResult<ActionPlanItem>> AddItemAsync(Guid engagementId, ActionPlanDetails details, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        if (found is null)
        {
            return PlanningResult.NotFound<ActionPlanItem>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<ActionPlanItem>();
        }

        var errors = await ValidateAsync(details, found.Engagement.LepId, ct);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ActionPlanItem>(errors);
        }

        var plan = await PlanAsync(engagementId, ct) ?? NewPlan(found);
        var added = plan.Add(details, currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed."), clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            return PlanningResult.Invalid<ActionPlanItem>(added.Field!, added.Error!);
        }

        await db.SaveChangesAsync(ct);
        return PlanningResult.Done<ActionPlanItem>(added.Value!);
    }

    /// <summary>Changes an action if nobody else has saved it since <paramref name="version"/> was read.</summary>
    public async Task<PlanningResult<ActionPlanItem>> UpdateItemAsync(Guid engagementId, Guid itemId, ActionPlanDetails details, Guid? version, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        var plan = found is null ? null : await PlanAsync(engagementId, ct);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (found is null || item is null)
        {
            return PlanningResult.NotFound<ActionPlanItem>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<ActionPlanItem>();
        }

        var errors = await ValidateAsync(details, found.Engagement.LepId, ct);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ActionPlanItem>(errors);
        }

        if (version is null || version != item.Version)
        {
            return PlanningResult.Conflict<ActionPlanItem>(ConflictMessage);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version.Value;
        var updated = item.Update(details, Today);
        if (!updated.Succeeded)
        {
            return PlanningResult.Invalid<ActionPlanItem>(updated.Field!, updated.Error!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<ActionPlanItem>(ConflictMessage);
        }

        return PlanningResult.Done<ActionPlanItem>(item);
    }

    public async Task<PlanningResult<ActionPlan>> SetReviewDateAsync(Guid engagementId, DateOnly? reviewDate, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        if (found is null)
        {
            return PlanningResult.NotFound<ActionPlan>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<ActionPlan>();
        }

        var plan = await PlanAsync(engagementId, ct) ?? NewPlan(found);
        var set = plan.SetReviewDate(reviewDate, found.Engagement.StartDate);
        if (!set.Succeeded)
        {
            db.Entry(plan).State = EntityState.Detached;
            return PlanningResult.Invalid<ActionPlan>(set.Field!, set.Error!);
        }

        await db.SaveChangesAsync(ct);
        return PlanningResult.Done<ActionPlan>(plan);
    }

    private ActionPlan NewPlan(EngagementCases.Case found)
    {
        var plan = new ActionPlan { EngagementId = found.Engagement.Id, LepId = found.Engagement.LepId };
        db.ActionPlans.Add(plan);
        return plan;
    }

    private async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(ActionPlanDetails details, Guid lepId, CancellationToken ct)
    {
        var errors = details.Validate().ToList();
        if (details.Owner == ActionOwner.PartnerOrganisation && details.OrganisationId is { } organisationId
            && !await db.Organisations.AnyAsync(o => o.Id == organisationId && (o.LepId == null || o.LepId == lepId), ct))
        {
            errors.Add(("organisationId", "Choose a partner organisation in this LEP or a national one"));
        }

        return errors;
    }
}
