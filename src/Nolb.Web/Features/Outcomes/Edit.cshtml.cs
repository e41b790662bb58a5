using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>
/// Correct a recorded outcome (what it is stays the same). Refused if someone else changed it since it was opened;
/// another LEP's is 404, a read-only user's 403. The stage is not moved again.
/// </summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class EditModel(OutcomeCommands commands, NolbDbContext db) : PageModel
{
    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Employers { get; private set; } = [];
    public OutcomeKind Kind { get; private set; }
    public Guid EngagementId { get; private set; }

    public sealed class OutcomeInput
    {
        public DateOnly? StartDate { get; set; }
        public Guid? EmployerId { get; set; }
        public string? OrganisationName { get; set; }
        public string? JobTitle { get; set; }
        public string? SocCode { get; set; }
        public decimal? HoursPerWeek { get; set; }
        public decimal? HourlyPay { get; set; }
        public ContractType? Contract { get; set; }
        public int? ContractMonths { get; set; }
        public string? Description { get; set; }
        public DateOnly? AftercareEndsOn { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (failure, outcome) = await LoadAsync(id, ct);
        if (failure is not null)
        {
            return failure;
        }

        var o = outcome!;
        Input = new OutcomeInput
        {
            StartDate = o.StartDate,
            EmployerId = o.EmployerId,
            OrganisationName = o.OrganisationName,
            JobTitle = o.JobTitle,
            SocCode = o.SocCode,
            HoursPerWeek = o.HoursPerWeek,
            HourlyPay = o.HourlyPay,
            Contract = o.Contract == ContractType.SelfEmployed ? null : o.Contract,
            ContractMonths = o.ContractMonths,
            Description = o.Description,
            AftercareEndsOn = o.AftercareEndsOn,
            Version = o.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var details = new OutcomeDetails(null, i.StartDate, i.EmployerId, i.OrganisationName, i.JobTitle, i.SocCode, i.HoursPerWeek, i.HourlyPay, i.Contract, i.ContractMonths, i.Description, i.AftercareEndsOn);
        var result = await commands.ChangeAsync(id, details, i.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The outcome is saved.";
            return RedirectToPage("Index", new { id = result.Value!.EngagementId });
        }

        return result.Handle(ModelState) ?? (await LoadAsync(id, ct)).Failure ?? Page();
    }

    private async Task<(IActionResult? Failure, Outcome? Outcome)> LoadAsync(Guid id, CancellationToken ct)
    {
        var (outcome, found) = await commands.OutcomeAsync(id, ct);
        if (outcome is null || found is null)
        {
            return (NotFound(), null);
        }

        if (!found.CanEdit)
        {
            return (Forbid(), null);
        }

        Kind = outcome.Kind;
        EngagementId = outcome.EngagementId;
        Heading = found.Heading("Change an outcome");
        Employers = await db.Employers.Where(e => e.LepId == found.Engagement.LepId).OrderBy(e => e.Name)
            .Select(e => new SelectListItem(e.Name, e.Id.ToString())).ToListAsync(ct);
        return (null, outcome);
    }
}
