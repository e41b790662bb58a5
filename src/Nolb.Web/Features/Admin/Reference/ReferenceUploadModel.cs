using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Measurement.Reference;

namespace Nolb.Web.Features.Admin.Reference;

/// <summary>
/// An administrator loads a reference dataset from a CSV file, with its source and the date its figures describe.
/// The file replaces the current dataset whole; a file with any problem is reported row by row and changes nothing.
/// </summary>
public abstract class ReferenceUploadModel(ReferenceDataLoader loader, IReferenceImport import) : PageModel
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public DateOnly? FiguresDate { get; set; }

    public ReferenceDataset? Current { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Current = await loader.CurrentAsync(import.Kind, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var source = Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > ReferenceDataset.MaxSourceLength)
        {
            ModelState.AddModelError(nameof(Source), "Enter where the figures come from (publisher and title), 500 characters or fewer");
        }

        if (FiguresDate is null)
        {
            ModelState.AddModelError(nameof(FiguresDate), "Enter the date the figures describe, like 2022-06-30");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the CSV file to load");
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file is larger than 64 MB. Save only the columns listed below and try again");
        }

        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var (dataset, problems) = await import.LoadAsync(stream, new ReferenceDataLoader.Details(source!, FiguresDate!.Value), ct);
            if (dataset is not null)
            {
                TempData["Confirmation"] = string.Create(CultureInfo.InvariantCulture, $"Loaded {dataset.RowCount:N0} rows from {Upload.FileName}. They replace the figures loaded before.");
                return RedirectToPage();
            }

            Problems = problems;
            ModelState.AddModelError(nameof(Upload), problems.Count == 1
                ? $"{problems[0]}. Nothing was loaded"
                : string.Create(CultureInfo.InvariantCulture, $"The file has {problems.Count}{(problems.Count >= ReferenceCsv.MaxProblems ? " or more" : "")} problems, listed below. Nothing was loaded"));
        }

        Current = await loader.CurrentAsync(import.Kind, ct);
        return Page();
    }
}
