using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Occupations;

/// <summary>The SOC 2020 list in use, where it came from, and loading the full list from the ONS workbook.</summary>
[Authorize(Policy = Permissions.ReferenceData.Manage)]
public sealed class IndexModel(NolbDbContext db, OccupationCatalogue catalogue, OccupationListImport import) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public OccupationCatalogue.Snapshot Current { get; private set; } = null!;
    public IReadOnlyList<OccupationListLoad> Loads { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the ONS workbook (.xlsx) or a CSV file with the columns code and title");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var outcome = await import.ImportAsync(stream, Upload.FileName, Upload.Length, Source, ct);
            if (outcome.Succeeded)
            {
                TempData["Confirmation"] = $"The SOC 2020 list is loaded: {outcome.UnitGroups} unit groups.";
                return RedirectToPage();
            }

            Problems = outcome.Problems;
            if (string.IsNullOrWhiteSpace(Source) || Source.Trim().Length > OccupationListLoad.SourceLength)
            {
                ModelState.AddModelError(nameof(Source), outcome.Problems[0]);
            }
            else
            {
                ModelState.AddModelError(nameof(Upload), $"The file has {outcome.Problems.Count} problem{(outcome.Problems.Count == 1 ? "" : "s")}, listed below. Nothing was loaded");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = catalogue.Current;
        Loads = await db.OccupationListLoads.AsNoTracking().OrderByDescending(l => l.LoadedAt).Take(10).ToListAsync(ct);
    }
}
