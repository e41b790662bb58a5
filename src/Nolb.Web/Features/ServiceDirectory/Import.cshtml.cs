using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Features.ServiceDirectory.Hsds;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>Import an HSDS file (JSON or the zipped CSV package) and export the directory, from the browser.</summary>
[Authorize(Policy = Permissions.ServiceDirectory.Manage)]
public sealed class ImportModel(NolbDbContext db, CurrentUser currentUser, HsdsImport import) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        var data = await HsdsExport.BuildAsync(db, currentUser, ct);
        return format == "hsds-csv"
            ? File(HsdsExport.ToCsvZip(data), "application/zip", "nolb-directory-hsds.zip")
            : File(JsonSerializer.SerializeToUtf8Bytes(HsdsExport.ToJson(data), HsdsExport.Json), "application/json", "nolb-directory-hsds.json");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "Choose an HSDS file to import: a .json file or a .zip of the CSV package");
            return Page();
        }

        var problems = new List<ImportProblem>();
        await using var upload = Upload.OpenReadStream();
        await using var stream = await BoundedUpload.ReadAsync(upload, HsdsImport.MaxBytes, ct);
        if (stream is null)
        {
            ModelState.AddModelError("Upload", BoundedUpload.TooLarge(HsdsImport.MaxBytes));
            return Page();
        }

        var data = Upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? HsdsImport.ReadCsvZip(stream, problems)
            : HsdsImport.ReadJson(stream, problems);
        Report = await import.ApplyAsync(data, problems, ct);
        return Page();
    }
}
