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

/// <summary>Record what the person moved on to. A job moves them to stage 5 unless the key worker unticks it.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class AddModel(EngagementCases cases, OutcomeCommands commands, NolbDbContext db) : PageModel
{
    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Employers { get; private set; } = [];

    public sealed class OutcomeInput
    {
        public OutcomeKind? Kind { get; set; }
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
        public bool MoveToStage5 { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var details = new OutcomeDetails(i.Kind, i.StartDate, i.EmployerId, i.OrganisationName, i.JobTitle, i.SocCode, i.HoursPerWeek, i.HourlyPay, i.Contract, i.ContractMonths, i.Description, null);
        var result = await commands.RecordAsync(id, details, i.MoveToStage5, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            var recorded = result.Value!;
            TempData["Confirmation"] = recorded.MovedToStage5
                ? "The outcome is recorded and the person is now at stage 5, in-work support and aftercare. Sustainment checks are due at 13, 26 and 52 weeks."
                : recorded.StageMoveProblem is { } problem
                    ? $"The outcome is recorded, but the stage was not moved: {problem}."
                    : "The outcome is recorded.";
            return RedirectToPage("Index", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.FindAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.CanEdit)
        {
            return Forbid();
        }

        Heading = found.Heading("Record an outcome");
        Employers = await db.Employers.Where(e => e.LepId == found.Engagement.LepId).OrderBy(e => e.Name)
            .Select(e => new SelectListItem(e.Name, e.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
