using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// Self-assessments for pages and API alike. A partner worker rates their own organisation against the Service Standards; an LEP
/// manager rates the LEP (against the standards or the LEP framework themes) and reviews every self-assessment of the LEP.
/// Anything else is not found. Every change is saved only over the version the user read.
/// </summary>
public sealed class SelfAssessmentCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Conflict = "Someone else changed this self-assessment while you were looking at it. Reload to see their change, then make yours again";

    public DateOnly Today => UkTime.Today(clock);

    public bool IsManager => currentUser.Has(Permissions.Improvement.Manage) && currentUser.LepId is not null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    /// <summary>The one tenancy filter: the manager's whole LEP, or the partner worker's own organisation's Service Standards ones.</summary>
    public IQueryable<SelfAssessment> Visible
    {
        get
        {
            if (IsManager)
            {
                return db.SelfAssessments.Where(a => a.LepId == currentUser.LepId);
            }

            return currentUser.Has(Permissions.Improvement.SelfAssessStandards) && currentUser.OrganisationId is { } organisationId && currentUser.LepId is { } lepId
                ? db.SelfAssessments.Where(a => a.LepId == lepId && a.OrganisationId == organisationId && a.Framework == AssessmentFramework.ServiceStandards)
                : db.SelfAssessments.Where(a => false);
        }
    }

    /// <summary>Whether the user may rate this one: their own organisation's, or (a manager) the LEP's own.</summary>
    public bool MayRate(SelfAssessment a) => IsManager ? a.OrganisationId is null : a.OrganisationId == currentUser.OrganisationId;

    /// <summary>Organisation names by id, for the LEP's assessments.</summary>
    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.LepId == currentUser.LepId || o.LepId == null).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>Starts a self-assessment for a financial year: the partner worker's organisation's, or the LEP's own for a manager.</summary>
    public async Task<PlanningResult<SelfAssessment>> StartAsync(AssessmentFramework framework, int? year, CancellationToken ct)
    {
        var organisationId = IsManager ? null : currentUser.OrganisationId;
        if (currentUser.LepId is not { } lepId || (!IsManager && (organisationId is null || framework != AssessmentFramework.ServiceStandards)))
        {
            return PlanningResult.Forbidden<SelfAssessment>();
        }

        var thisYear = FinancialYear.Of(Today).StartYear;
        if (year is not { } y || y < 2021 || y > thisYear)
        {
            return PlanningResult.Invalid<SelfAssessment>("financialYear",
                $"Choose a financial year from 2021-22 (when the standards were published) to {new FinancialYear(thisYear).Label}");
        }

        if (await db.SelfAssessments.AnyAsync(a => a.LepId == lepId && a.Framework == framework && a.FinancialYear == y && a.OrganisationId == organisationId, ct))
        {
            return PlanningResult.Invalid<SelfAssessment>("financialYear", $"There is already a self-assessment for {new FinancialYear(y).Label}. Open that one instead");
        }

        var assessment = new SelfAssessment
        {
            LepId = lepId,
            OrganisationId = organisationId,
            Framework = framework,
            FinancialYear = y,
            CreatedByUserId = UserId,
            CreatedAt = Now,
        };
        assessment.Rate([], AssessmentFrameworks.For(framework).Codes);
        db.SelfAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(assessment);
    }

    public Task<PlanningResult<SelfAssessment>> RateAsync(Guid id, IReadOnlyList<SelfAssessmentRating> ratings, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => MayRate(a), a => a.Rate(ratings, AssessmentFrameworks.For(a.Framework).Codes), ct);

    /// <summary>Saves the ratings given (if any) and submits for review, in one step.</summary>
    public Task<PlanningResult<SelfAssessment>> SubmitAsync(Guid id, IReadOnlyList<SelfAssessmentRating>? ratings, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => MayRate(a), a =>
        {
            var codes = AssessmentFrameworks.For(a.Framework).Codes;
            var errors = ratings is null ? [] : a.Rate(ratings, codes);
            return errors.Count > 0 ? errors : a.Submit(codes, UserId, Now);
        }, ct);

    public Task<PlanningResult<SelfAssessment>> ReviewAsync(Guid id, bool? accept, string? comment, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, _ => IsManager, a => a.Review(accept, comment, UserId, Now), ct);

    private async Task<PlanningResult<SelfAssessment>> ChangeAsync(
        Guid id, Guid? version, Func<SelfAssessment, bool> allowed, Func<SelfAssessment, IReadOnlyList<(string Field, string Message)>> change, CancellationToken ct)
    {
        var assessment = await Visible.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return PlanningResult.NotFound<SelfAssessment>();
        }

        if (!allowed(assessment))
        {
            return PlanningResult.Forbidden<SelfAssessment>();
        }

        if (version != assessment.Version)
        {
            return PlanningResult.Conflict<SelfAssessment>(Conflict);
        }

        var errors = change(assessment);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<SelfAssessment>(errors);
        }

        // The ratings are an owned JSON column: the version must move on whatever changed.
        assessment.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<SelfAssessment>(Conflict);
        }

        return PlanningResult.Done(assessment);
    }
}
