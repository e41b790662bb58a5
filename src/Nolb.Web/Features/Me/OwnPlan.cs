using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// The two changes a person makes to their own plan: mark one of their own actions done, and add a goal of their
/// own. Only the plan of their open engagement, only actions they own; anything else is not found.
/// </summary>
public sealed class OwnPlan(NolbDbContext db, MyRecord me, CurrentUser currentUser, TimeProvider clock)
{
    public const string ConflictMessage = "This action changed since you opened the page. Look at it again, then try once more";

    public async Task<PlanningResult<ActionPlanItem>> MarkDoneAsync(Guid itemId, Guid? version, CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        var engagement = person?.OpenEngagement;
        var item = engagement is null ? null : await db.ActionPlanItems
            .SingleOrDefaultAsync(i => i.Id == itemId && db.ActionPlans.Any(p => p.Id == i.ActionPlanId && p.EngagementId == engagement.Id), ct);
        if (item is null || item.Owner != ActionOwner.Participant)
        {
            return PlanningResult.NotFound<ActionPlanItem>();
        }

        if (version is null || version != item.Version)
        {
            return PlanningResult.Conflict<ActionPlanItem>(ConflictMessage);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version.Value;
        var done = item.Update(new ActionPlanDetails(item.Goal, item.Action, item.Owner, item.OrganisationId, item.DueDate, ActionStatus.Done, item.Domain), UkTime.Today(clock));
        if (!done.Succeeded)
        {
            return PlanningResult.Invalid<ActionPlanItem>(done.Field!, done.Error!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<ActionPlanItem>(ConflictMessage);
        }

        return PlanningResult.Done(item);
    }

    public async Task<PlanningResult<ActionPlanItem>> AddGoalAsync(string? goal, string? action, DateOnly? dueDate, CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        if (person is null)
        {
            return PlanningResult.NotFound<ActionPlanItem>();
        }

        var errors = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(goal))
        {
            errors.Add(("goal", "Write your goal. For example: I want to get my driving licence"));
        }
        else if (goal.Trim().Length > ActionPlanItem.MaxGoalLength)
        {
            errors.Add(("goal", "Your goal is too long. Keep it to 500 letters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(action))
        {
            errors.Add(("action", "Write one thing you will do next. For example: book a driving lesson"));
        }
        else if (action.Trim().Length > ActionPlanItem.MaxActionLength)
        {
            errors.Add(("action", "What you will do is too long. Keep it to 1,000 letters or fewer"));
        }

        var today = UkTime.Today(clock);
        if (dueDate is { } due && due < today)
        {
            errors.Add(("dueDate", "The date has already passed. Pick today or a day after"));
        }

        if (person.OpenEngagement is not { } engagement)
        {
            errors.Add(("goal", "You can add goals while you are getting support. Talk to your key worker"));
            return PlanningResult.Invalid<ActionPlanItem>(errors);
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ActionPlanItem>(errors);
        }

        var plan = await db.ActionPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.EngagementId == engagement.Id, ct);
        if (plan is null)
        {
            plan = new ActionPlan { EngagementId = engagement.Id, LepId = engagement.LepId };
            db.ActionPlans.Add(plan);
        }

        var added = plan.Add(
            new ActionPlanDetails(goal, action, ActionOwner.Participant, null, dueDate, ActionStatus.NotStarted, null),
            currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed."), clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            return PlanningResult.Invalid<ActionPlanItem>(added.Field!, added.Error!);
        }

        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(added.Value!);
    }
}
