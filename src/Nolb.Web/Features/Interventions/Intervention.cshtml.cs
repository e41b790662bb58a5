using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Interventions;

/// <summary>Record an intervention from the catalogue, or change one (refused if someone else changed it since it was opened).</summary>
[Authorize(Policy = Security.Permissions.Participants.EditOwnCaseload)]
public sealed class InterventionModel(CaseActivityAccess access, InterventionCommands commands, NolbDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InterventionInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Types { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];
    public bool IsNew { get; private set; }

    public static IReadOnlyList<SelectListItem> DeliveredByChoices { get; } =
        Enum.GetValues<DeliveredBy>().Select(d => new SelectListItem(InterventionLabels.Label(d), d.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> OutcomeChoices { get; } =
        Enum.GetValues<InterventionOutcome>().Select(o => new SelectListItem(InterventionLabels.Label(o), o.ToString())).ToList();

    public sealed class InterventionInput
    {
        public Guid? TypeId { get; set; }
        public DeliveredBy? DeliveredBy { get; set; }
        public Guid? PartnerOrganisationId { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public decimal? Hours { get; set; }
        public InterventionOutcome? Outcome { get; set; }
        public string? Notes { get; set; }
        public string? QualificationTitle { get; set; }
        public int? QualificationScqfLevel { get; set; }
        public string? QualificationAwardingBody { get; set; }
        public Guid Version { get; set; }

        public InterventionDetails ToDetails() => new(TypeId, DeliveredBy, PartnerOrganisationId, StartDate, EndDate, Hours, Outcome, Notes,
            QualificationTitle, QualificationScqfLevel, QualificationAwardingBody);
    }

    public async Task<IActionResult> OnGetAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        var failure = await LoadAsync(engagementId, id, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (id is null)
        {
            Input = new InterventionInput { StartDate = UkTime.Today(clock), DeliveredBy = DeliveredBy.OwnTeam, Outcome = InterventionOutcome.Ongoing };
            return Page();
        }

        var existing = await commands.GetAsync(engagementId, id.Value, ct);
        if (existing.Value is not { } i)
        {
            return NotFound();
        }

        Input = new InterventionInput
        {
            TypeId = await db.InterventionTypes.Where(t => t.Code == i.TypeCode).Select(t => (Guid?)t.Id).SingleAsync(ct),
            DeliveredBy = i.DeliveredBy,
            PartnerOrganisationId = i.PartnerOrganisationId,
            StartDate = i.StartDate,
            EndDate = i.EndDate,
            Hours = i.Hours,
            Outcome = i.Outcome,
            Notes = i.Notes,
            QualificationTitle = i.QualificationTitle,
            QualificationScqfLevel = i.QualificationScqfLevel,
            QualificationAwardingBody = i.QualificationAwardingBody,
            Version = i.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = id is null
            ? await commands.RecordAsync(engagementId, Input.ToDetails(), ct)
            : await commands.UpdateAsync(engagementId, id.Value, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == ActivityOutcome.Done)
        {
            TempData["Confirmation"] = id is null ? "The intervention is recorded." : "The intervention is saved.";
            return RedirectToPage("/Participants/Record", new { id = await ParticipantIdAsync(engagementId, ct) });
        }

        return result.Handle(ModelState) ?? await LoadAsync(engagementId, id, ct) ?? Page();
    }

    private Task<Guid> ParticipantIdAsync(Guid engagementId, CancellationToken ct) =>
        db.Engagements.Where(e => e.Id == engagementId).Select(e => e.ParticipantId).SingleAsync(ct);

    private async Task<IActionResult?> LoadAsync(Guid engagementId, Guid? id, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return outcome == ActivityOutcome.Forbidden ? Forbid() : NotFound();
        }

        IsNew = id is null;
        Heading = (view.Participant.Id, view.Participant.DisplayName, view.Participant.Reference, IsNew ? "Record an intervention" : "Change an intervention");
        Types = await db.InterventionTypes.AsNoTracking()
            .OrderBy(t => t.Category!.SortOrder).ThenBy(t => t.Category!.Name).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Category!.Name + ": " + t.Name, t.Id.ToString()))
            .ToListAsync(ct);
        var lepId = view.Engagement.LepId;
        Partners = await db.Organisations.AsNoTracking().Where(o => o.LepId == null || o.LepId == lepId).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(ct);
        return null;
    }
}
