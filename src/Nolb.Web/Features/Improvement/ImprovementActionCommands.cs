using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Measurement;
using Nolb.Web.Features.YouSaidWeDid;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// The LEP's improvement action plan for pages and API alike: LEP managers list, add and change their own LEP's actions
/// (version-checked); another LEP's action is not found.
/// </summary>
public sealed class ImprovementActionCommands(NolbDbContext db, CurrentUser currentUser, YouSaidWeDidCommands feedback, TimeProvider clock)
{
    public const string Conflict = "Someone else changed this action while you were looking at it. Reload to see their change, then make yours again";

    public sealed record Details(
        string? Action, string? Owner, DateOnly? DueDate, ImprovementStatus? Status, string? Progress,
        IReadOnlyCollection<string>? FeedbackThemes, IReadOnlyCollection<string>? IndicatorCodes, IReadOnlyCollection<string>? StandardCodes);

    public DateOnly Today => UkTime.Today(clock);

    private bool CanManage => currentUser.Has(Permissions.Improvement.Manage) && currentUser.LepId is not null;

    /// <summary>The one tenancy filter: the manager's own LEP's actions, soonest due first.</summary>
    public IQueryable<ImprovementAction> Actions => CanManage
        ? db.ImprovementActions.Where(a => a.LepId == currentUser.LepId).OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt)
        : db.ImprovementActions.Where(a => false);

    /// <summary>What an action may link to: the LEP's feedback themes, the indicator codes and the Service Standards' codes.</summary>
    public async Task<ImprovementAction.KnownEvidence> EvidenceAsync(IEnumerable<string>? alreadyLinkedThemes, CancellationToken ct)
    {
        var themes = (await feedback.ThemesAsync(currentUser.LepId!.Value, ct)).Keys.ToHashSet(StringComparer.Ordinal);
        themes.UnionWith(alreadyLinkedThemes ?? []);
        return new(themes, MeasurementData.Catalogue.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal),
            AssessmentFrameworks.ServiceStandards.Codes.ToHashSet(StringComparer.Ordinal));
    }

    public async Task<PlanningResult<ImprovementAction>> CreateAsync(Details d, CancellationToken ct)
    {
        if (!CanManage)
        {
            return PlanningResult.Forbidden<ImprovementAction>();
        }

        var action = new ImprovementAction { LepId = currentUser.LepId!.Value, CreatedByUserId = currentUser.Id!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var errors = Apply(action, d, await EvidenceAsync(null, ct));
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ImprovementAction>(errors);
        }

        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(action);
    }

    public async Task<PlanningResult<ImprovementAction>> UpdateAsync(Guid id, Details d, Guid? version, CancellationToken ct)
    {
        var action = await Actions.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return PlanningResult.NotFound<ImprovementAction>();
        }

        if (version != action.Version)
        {
            return PlanningResult.Conflict<ImprovementAction>(Conflict);
        }

        var errors = Apply(action, d, await EvidenceAsync(action.FeedbackThemes, ct));
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ImprovementAction>(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<ImprovementAction>(Conflict);
        }

        return PlanningResult.Done(action);
    }

    private static IReadOnlyList<(string Field, string Message)> Apply(ImprovementAction action, Details d, ImprovementAction.KnownEvidence known) =>
        action.Set(d.Action, d.Owner, d.DueDate, d.Status, d.Progress, d.FeedbackThemes, d.IndicatorCodes, d.StandardCodes, known);
}
