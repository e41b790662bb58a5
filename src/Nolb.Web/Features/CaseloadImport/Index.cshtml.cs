using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>Step 1: download Nolb's template, upload the LEP's file (CSV or .xlsx), and see earlier imports.</summary>
[Authorize(Policy = Permissions.CaseloadImport.Run)]
[RequestSizeLimit(ImportFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxBytes + (1024 * 1024))]
public sealed class IndexModel(ImportRuns runs, ImportWorkFolder folder, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record RunRow(Guid Id, string FileName, ImportRunStatus Status, DateTime CreatedAt, int Rows, int Created, int Refused);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What the file holds: "All" (a RecordType column says, row by row) or one kind.</summary>
    [BindProperty]
    public string? Holds { get; set; }

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Nolb's template: every field as a column, and one example row of each kind.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var fields = await runs.FieldsAsync(ct);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, SpreadsheetText.CsvExport()))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field.Name);
            }

            await csv.NextRecordAsync();
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", "nolb-caseload-template.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ImportRecordKind? holds = Holds == "All" ? null : Enum.TryParse<ImportRecordKind>(Holds, out var kind) ? kind : null;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the file to import: a CSV or an Excel workbook (.xlsx)");
        }
        else if (!ImportFile.IsAccepted(Upload.FileName))
        {
            ModelState.AddModelError(nameof(Upload), "The file must be a CSV or an Excel workbook (.xlsx). Save it as one of these from your spreadsheet");
        }

        if (Holds != "All" && holds is null)
        {
            ModelState.AddModelError(nameof(Holds), "Choose what the file holds");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var fileName = Path.GetFileName(Upload!.FileName);
        var run = new ImportRun
        {
            LepId = currentUser.LepId!.Value,
            StartedByUserId = currentUser.Id!.Value,
            FileName = fileName.Length > 200 ? fileName[^200..] : fileName,
            Holds = holds,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var stream = Upload.OpenReadStream())
        {
            if (await ImportFile.SaveAsync(stream, run.FileName, folder.UploadPath(run.Id, run.FileName), ct) is { } problem)
            {
                ModelState.AddModelError(nameof(Upload), problem);
                await LoadAsync(ct);
                return Page();
            }
        }

        // The mapping starts from the LEP's last one: the same export from the same system maps the same way.
        var previous = await runs.Db.ImportRuns.AsNoTracking().Where(r => r.LepId == run.LepId && r.ColumnMapping != "{}")
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        var fields = await runs.FieldsAsync(ct);
        var headers = ImportFile.Headers(folder.UploadPath(run.Id, run.FileName), run.FileName) ?? [];
        var last = previous is null ? null : ImportMapping.From(previous, fields);
        run.ColumnMapping = new ImportMapping(fields, ImportMapping.Suggest(ImportRuns.For(run, fields).ToList(), headers, last?.Columns ?? []), []).ColumnsJson();
        run.ValueMapping = last?.ValuesJson() ?? "{}";
        runs.Db.ImportRuns.Add(run);
        await runs.Db.SaveChangesAsync(ct);
        return RedirectToPage("Columns", new { id = run.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var lepId = currentUser.LepId;
        Runs = await runs.Db.ImportRuns.AsNoTracking().Where(r => r.LepId == lepId).OrderByDescending(r => r.CreatedAt).Take(20)
            .Select(r => new RunRow(r.Id, r.FileName, r.Status, r.CreatedAt, r.Rows, r.Created, r.Refused)).ToListAsync(ct);
    }
}
