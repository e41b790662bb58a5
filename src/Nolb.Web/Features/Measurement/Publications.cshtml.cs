using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The national page: prepare a quarter that has ended as a draft (the figures frozen, to preview and for a second
/// analyst to approve), see drafts and every publication, download a quarter's workbook.
/// </summary>
[Authorize(Policy = Permissions.Statistics.ReadNational)]
public sealed class PublicationsModel(Publications publications, Statistics statistics) : PageModel
{
    [BindProperty]
    public string? Quarter { get; set; }

    public IReadOnlyList<PublicationSummary> All { get; private set; } = [];
    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Quarters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (ReportingPeriod.Parse(Quarter) is not { Kind: PeriodKind.Quarter } quarter)
        {
            ModelState.AddModelError(nameof(Quarter), "Choose the quarter to publish, like 2025-Q3");
        }
        else
        {
            var result = await publications.PrepareAsync(quarter, ct);
            if (result.Value is { } draft)
            {
                TempData["Confirmation"] = $"The draft of {draft.Draft.Quarter} is ready. Check the figures below: another national analyst must approve it before it is published.";
                return RedirectToPage("Draft", new { id = draft.Draft.Id });
            }

            if (result.Handle(ModelState, _ => nameof(Quarter)) is { } refused)
            {
                return refused;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await publications.ListAsync(ct);
        Drafts = await publications.DraftsAsync(ct);

        // Only quarters that have ended can be published, so the list starts with the one before today's.
        var today = statistics.Today;
        Quarters = Enumerable.Range(1, 12).Select(i => ReportingPeriod.QuarterContaining(today.AddMonths(-3 * i)))
            .Select(p => new SelectListItem($"{p.Label} ({p.Describe()}){(p.IsProvisionalOn(today) ? ", provisional" : "")}", p.Label))
            .ToList();
        Quarter ??= ReportingPeriod.QuarterContaining(today).Previous().Label;
    }
}
