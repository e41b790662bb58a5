using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Interventions;

/// <summary>One intervention as pages and the API show it.</summary>
public sealed record InterventionView(
    Guid Id, Guid EngagementId, string TypeCode, string TypeName, string CategoryName, DeliveredBy DeliveredBy,
    Guid? PartnerOrganisationId, string? PartnerOrganisationName, DateOnly StartDate, DateOnly? EndDate, decimal? Hours,
    InterventionOutcome Outcome, string? Notes, string? QualificationTitle, int? QualificationScqfLevel,
    string? QualificationAwardingBody, Guid RecordedByUserId, DateTime RecordedAt, Guid Version);

/// <summary>
/// Record, change and list the interventions of an engagement, under the record's access rule. Other
/// features record an intervention by its catalogue code with <see cref="RecordByCodeAsync"/>.
/// </summary>
public sealed class InterventionCommands(NolbDbContext db, CaseActivityAccess access, TimeProvider clock, CurrentUser currentUser)
{
    private DateOnly Today => UkTime.Today(clock);

    public async Task<ActivityResult<List<InterventionView>>> ListAsync(Guid engagementId, CancellationToken ct)
    {
        if (await access.ReadAsync(engagementId, "Interventions", ct) is null)
        {
            return Activity.Fail<List<InterventionView>>(ActivityOutcome.NotFound);
        }

        return Activity.Done<List<InterventionView>>(await Views(engagementId).ToListAsync(ct));
    }

    public async Task<ActivityResult<InterventionView>> GetAsync(Guid engagementId, Guid id, CancellationToken ct)
    {
        if (await access.ReadAsync(engagementId, nameof(Intervention), ct) is null)
        {
            return Activity.Fail<InterventionView>(ActivityOutcome.NotFound);
        }

        var view = await Views(engagementId, id).SingleOrDefaultAsync(ct);
        return view is null ? Activity.Fail<InterventionView>(ActivityOutcome.NotFound) : Activity.Done<InterventionView>(view);
    }

    public async Task<ActivityResult<Intervention>> RecordAsync(Guid engagementId, InterventionDetails details, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<Intervention>(outcome);
        }

        var intervention = new Intervention
        {
            EngagementId = engagementId,
            LepId = view.Engagement.LepId,
            RecordedByUserId = currentUser.Id!.Value,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        var errors = await ReferenceErrorsAsync(details, view.Engagement.LepId, ct);
        errors.AddRange(intervention.Apply(details, view.Engagement.StartDate, Today));
        if (errors.Count > 0)
        {
            return Activity.Invalid<Intervention>(Distinct(errors));
        }

        db.Interventions.Add(intervention);
        await db.SaveChangesAsync(ct);
        return Activity.Done<Intervention>(intervention);
    }

    public async Task<ActivityResult<Intervention>> UpdateAsync(Guid engagementId, Guid id, InterventionDetails details, Guid version, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<Intervention>(outcome);
        }

        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == id && i.EngagementId == engagementId, ct);
        if (intervention is null)
        {
            return Activity.Fail<Intervention>(ActivityOutcome.NotFound);
        }

        if (intervention.Version != version)
        {
            return Activity.Fail<Intervention>(ActivityOutcome.Conflict);
        }

        var errors = await ReferenceErrorsAsync(details, view.Engagement.LepId, ct);
        errors.AddRange(errors.Count == 0 ? intervention.Apply(details, view.Engagement.StartDate, Today) : InterventionRules.Validate(details, view.Engagement.StartDate, Today));
        if (errors.Count > 0)
        {
            return Activity.Invalid<Intervention>(Distinct(errors));
        }

        db.Entry(intervention).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Activity.Fail<Intervention>(ActivityOutcome.Conflict);
        }

        return Activity.Done<Intervention>(intervention);
    }

    /// <summary>
    /// Records a completed intervention of a catalogue type by code, delivered by the user's own team on
    /// <paramref name="date"/> — for features that do the work themselves, such as a Better Off In Work
    /// calculation (<see cref="AnnexOneCatalogue.BetterOffInWork"/>). Same access and validation rules.
    /// </summary>
    public async Task<ActivityResult<Intervention>> RecordByCodeAsync(
        Guid engagementId, string typeCode, DateOnly date, decimal? hours, string? notes, CancellationToken ct)
    {
        var typeId = await db.InterventionTypes.Where(t => t.Code == typeCode).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"The intervention catalogue has no type with code '{typeCode}'.");
        return await RecordAsync(engagementId,
            new InterventionDetails(typeId, DeliveredBy.OwnTeam, null, date, date, hours, InterventionOutcome.Completed, notes, null, null, null), ct);
    }

    /// <summary>An engagement's interventions, or one of them (filtered before the projection, which EF cannot filter on).</summary>
    private IQueryable<InterventionView> Views(Guid engagementId, Guid? only = null) =>
        db.Interventions.AsNoTracking()
            .Where(i => i.EngagementId == engagementId && (only == null || i.Id == only))
            .OrderByDescending(i => i.StartDate).ThenByDescending(i => i.RecordedAt)
            .Select(i => new InterventionView(
                i.Id, i.EngagementId, i.Type!.Code, i.Type.Name, i.Type.Category!.Name, i.DeliveredBy, i.PartnerOrganisationId,
                i.PartnerOrganisation == null ? null : i.PartnerOrganisation.Name, i.StartDate, i.EndDate, i.Hours, i.Outcome, i.Notes,
                i.QualificationTitle, i.QualificationScqfLevel, i.QualificationAwardingBody, i.RecordedByUserId, i.RecordedAt, i.Version));

    /// <summary>The type must be in the catalogue and the partner an organisation of this LEP or a national one.</summary>
    private async Task<List<(string Field, string Message)>> ReferenceErrorsAsync(InterventionDetails details, Guid lepId, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (details.TypeId is { } typeId && !await db.InterventionTypes.AnyAsync(t => t.Id == typeId, ct))
        {
            errors.Add(("TypeId", "Choose a type of intervention from the catalogue"));
        }

        if (details.DeliveredBy == DeliveredBy.PartnerOrganisation && details.PartnerOrganisationId is { } organisationId
            && !await db.Organisations.AnyAsync(o => o.Id == organisationId && (o.LepId == null || o.LepId == lepId), ct))
        {
            errors.Add(("PartnerOrganisationId", "Choose a partner organisation of this LEP"));
        }

        return errors;
    }

    private static List<(string Field, string Message)> Distinct(List<(string Field, string Message)> errors) => errors.Distinct().ToList();
}
