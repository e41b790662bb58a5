using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>
/// Outcomes of an engagement and what follows them: recording a job (which moves the person to stage 5
/// unless the key worker says otherwise), sustainment checks, and aftercare contacts. The access rule is
/// the person's record's (<see cref="EngagementCases"/>): 404 for another LEP's, 403 when read-only.
/// </summary>
public sealed class OutcomeCommands(NolbDbContext db, EngagementCases cases, CaseCommands caseCommands, CurrentUser currentUser, TimeProvider clock)
{
    public const string AuditedAs = "Outcomes";

    public const string ConflictMessage =
        "Someone else recorded this check while you were looking at it. Reload to see what they recorded";

    public const string OutcomeConflictMessage =
        "Someone else changed this outcome while you were editing it. Reload to see their change, then make yours again";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    public sealed record Recorded(Outcome Outcome, bool MovedToStage5, string? StageMoveProblem);

    public Task<List<Outcome>> OutcomesAsync(Guid engagementId, CancellationToken ct) =>
        db.Outcomes.Include(o => o.Checks).Include(o => o.Employer)
            .Where(o => o.EngagementId == engagementId).OrderBy(o => o.StartDate).ThenBy(o => o.RecordedAt).AsSplitQuery().ToListAsync(ct);

    public Task<List<AftercareContact>> AftercareAsync(Guid engagementId, CancellationToken ct) =>
        db.AftercareContacts.Where(c => c.EngagementId == engagementId).OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);

    /// <summary>Records an outcome. A job or self-employment moves an open engagement to stage 5 when <paramref name="moveToStage5"/>.</summary>
    public async Task<PlanningResult<Recorded>> RecordAsync(Guid engagementId, OutcomeDetails details, bool moveToStage5, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        if (found is null)
        {
            return PlanningResult.NotFound<Recorded>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<Recorded>();
        }

        var lepId = found.Engagement.LepId;
        var employerKnown = details.EmployerId is { } employerId && await db.Employers.AnyAsync(e => e.Id == employerId && e.LepId == lepId, ct);
        var (outcome, errors) = Outcome.Record(details, engagementId, lepId, found.Engagement.StartDate, employerKnown, UserId, Today, Now);
        if (outcome is null)
        {
            return PlanningResult.Invalid<Recorded>(errors);
        }

        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        await db.Entry(outcome).Reference(o => o.Employer).LoadAsync(ct);

        if (!outcome.IsWork || !moveToStage5 || !found.Engagement.IsOpen || found.Engagement.CurrentStage == PipelineStage.InWorkSupportAndAftercare)
        {
            return PlanningResult.Done(new Recorded(outcome, false, null));
        }

        // The stage move loads the case afresh through the pipeline's own command, as a page would.
        db.ChangeTracker.Clear();
        var moved = await caseCommands.MoveStageAsync(
            engagementId, (int)PipelineStage.InWorkSupportAndAftercare, outcome.StartDate,
            outcome.Kind == OutcomeKind.JobEntry ? $"Started work: {outcome.JobTitle}" : $"Became self-employed: {outcome.JobTitle}", ct);
        return PlanningResult.Done(new Recorded(outcome, moved.Outcome == CaseCommands.Outcome.Done, moved.Error));
    }

    /// <summary>One outcome of an engagement the user may see (null: 404), with the case and whether they may change it.</summary>
    public async Task<(Outcome? Outcome, EngagementCases.Case? Case)> OutcomeAsync(Guid outcomeId, CancellationToken ct)
    {
        var outcome = await db.Outcomes.Include(o => o.Checks).Include(o => o.Employer).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == outcomeId, ct);
        var found = outcome is null ? null : await cases.FindAsync(outcome.EngagementId, ct);
        return found is null ? (null, null) : (outcome, found);
    }

    /// <summary>Corrects an outcome, if nobody has changed it since <paramref name="version"/>; the stage is left as it is.</summary>
    public async Task<PlanningResult<Outcome>> ChangeAsync(Guid outcomeId, OutcomeDetails details, Guid? version, CancellationToken ct)
    {
        var (outcome, found) = await OutcomeAsync(outcomeId, ct);
        if (outcome is null || found is null)
        {
            return PlanningResult.NotFound<Outcome>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<Outcome>();
        }

        if (version != outcome.Version)
        {
            return PlanningResult.Conflict<Outcome>(OutcomeConflictMessage);
        }

        var employerKnown = details.EmployerId is { } employerId && await db.Employers.AnyAsync(e => e.Id == employerId && e.LepId == outcome.LepId, ct);
        var errors = outcome.Change(details, found.Engagement.StartDate, employerKnown, Today);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Outcome>(errors);
        }

        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(outcome);
    }

    /// <summary>The check with its outcome, if the user may see the engagement; and whether they may change it.</summary>
    public async Task<(SustainmentCheck? Check, Outcome? Outcome, EngagementCases.Case? Case)> CheckAsync(Guid checkId, CancellationToken ct)
    {
        var check = await db.SustainmentChecks.SingleOrDefaultAsync(c => c.Id == checkId, ct);
        var outcome = check is null ? null : await db.Outcomes.Include(o => o.Checks).Include(o => o.Employer).SingleAsync(o => o.Id == check.OutcomeId, ct);
        var found = outcome is null ? null : await cases.FindAsync(outcome.EngagementId, ct);
        return found is null ? (null, null, null) : (check, outcome, found);
    }

    /// <summary>Records a sustainment check, refused if someone recorded it since <paramref name="version"/> was read.</summary>
    public async Task<PlanningResult<SustainmentCheck>> RecordCheckAsync(
        Guid checkId, SustainmentResult? result, SustainmentEvidence? evidence, DateOnly? checkedOn, string? notes, Guid? version, CancellationToken ct)
    {
        var (check, outcome, found) = await CheckAsync(checkId, ct);
        if (check is null || outcome is null || found is null)
        {
            return PlanningResult.NotFound<SustainmentCheck>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<SustainmentCheck>();
        }

        if (version is null || version != check.Version)
        {
            return PlanningResult.Conflict<SustainmentCheck>(ConflictMessage);
        }

        var errors = check.Record(result, evidence, checkedOn, notes, outcome.StartDate, UserId, Today, Now);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<SustainmentCheck>(errors);
        }

        if (result == SustainmentResult.NotSustained)
        {
            foreach (var later in outcome.Checks.Where(c => c.Point > check.Point && c.IsOutstanding))
            {
                later.NotNeeded = true;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<SustainmentCheck>(ConflictMessage);
        }

        return PlanningResult.Done(check);
    }

    public sealed record AftercareDetails(DateOnly? Date, ContactMethod? Method, IReadOnlyList<AftercareIssue> Issues, string? Notes, string? Actions);

    public async Task<PlanningResult<AftercareContact>> AddAftercareAsync(Guid engagementId, AftercareDetails details, CancellationToken ct)
    {
        var found = await cases.FindAsync(engagementId, ct);
        if (found is null)
        {
            return PlanningResult.NotFound<AftercareContact>();
        }

        if (!found.CanEdit)
        {
            return PlanningResult.Forbidden<AftercareContact>();
        }

        var errors = new List<(string, string)>();
        if (details.Date is not { } date)
        {
            errors.Add(("date", "Enter the date of the contact"));
        }
        else if (date > Today || date < found.Engagement.StartDate)
        {
            errors.Add(("date", "The date must be between the start of the engagement and today"));
        }

        if (details.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add(("method", "Choose how you were in contact"));
        }

        if (details.Issues.Any(i => !Enum.IsDefined(i)))
        {
            errors.Add(("issues", "Choose issues from the list"));
        }

        if (string.IsNullOrWhiteSpace(details.Notes) && details.Issues.Count == 0)
        {
            errors.Add(("notes", "Say what was talked about, or choose the issues raised"));
        }

        if (details.Notes?.Length > Outcome.MaxTextLength || details.Actions?.Length > Outcome.MaxTextLength)
        {
            errors.Add(("notes", "Keep the notes and the actions to 1,000 characters each"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<AftercareContact>(errors);
        }

        var contact = new AftercareContact
        {
            EngagementId = engagementId,
            LepId = found.Engagement.LepId,
            Date = details.Date!.Value,
            Method = details.Method!.Value,
            Issues = details.Issues.Distinct().ToList(),
            Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim(),
            Actions = string.IsNullOrWhiteSpace(details.Actions) ? null : details.Actions.Trim(),
            RecordedByUserId = UserId,
            RecordedAt = Now,
        };
        db.AftercareContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(contact);
    }
}
