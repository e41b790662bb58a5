using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>The national page: publish a quarter's tables, see every publication, download a quarter's workbook.</summary>
[Authorize(Policy = Permissions.Statistics.ReadNational)]
public sealed class PublicationsModel(Publications publications, Statistics statistics) : PageModel
{
    [BindProperty]
    public string? Quarter { get; set; }

    public IReadOnlyList<PublicationSummary> All { get; private set; } = [];
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
            var result = await publications.PublishAsync(quarter, ct);
            if (result.Quarter is { } published)
            {
                TempData["Confirmation"] = published.Latest.Number == 1
                    ? $"Published {published.Quarter}."
                    : $"Published {published.Quarter} again (publication {published.Latest.Number}): {published.Revisions.Count} figures revised.";
                return RedirectToPage("Publication", new { quarter = published.Quarter });
            }

            ModelState.AddModelError(nameof(Quarter), result.Problem!);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await publications.ListAsync(ct);
        var today = statistics.Today;
        Quarters = Enumerable.Range(0, 12).Select(i => ReportingPeriod.QuarterContaining(today.AddMonths(-3 * i)))
            .Select(p => new SelectListItem($"{p.Label} ({p.Describe()}){(p.IsProvisionalOn(today) ? ", provisional" : "")}", p.Label))
            .ToList();
        Quarter ??= ReportingPeriod.QuarterContaining(today).Previous().Label;
    }
}
