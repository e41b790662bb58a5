using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// Step 4: the dry run's report (every row that would be created, updated or refused, with the field and the fix, and
/// possible duplicates of people already in Nolb), then the import; a progress bar while either runs.
/// </summary>
[Authorize(Policy = Permissions.CaseloadImport.Run)]
public sealed class RunModel(ImportRuns runs, ImportWorkFolder folder, ImportRunner runner, ImportProgress progress) : PageModel
{
    /// <summary>The most report lines shown on the page; the download has them all.</summary>
    public const int Shown = 500;

    public ImportRun? Run { get; private set; }
    public (int Done, int Total)? Progress { get; private set; }
    public IReadOnlyList<CaseloadImporter.ReportLine> Lines { get; private set; } = [];
    public int LineCount { get; private set; }

    [BindProperty]
    public bool ImportPossibleDuplicates { get; set; }

    public bool IsRunning => Run?.Status is ImportRunStatus.Checking or ImportRunStatus.Importing;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Run = await runs.FindAsync(id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        if (IsRunning)
        {
            // The page reloads itself every few seconds while the file is read; no script needed.
            Response.Headers["Refresh"] = "3";
            Progress = progress.Of(id);
        }
        else
        {
            (Lines, LineCount) = ReadReport(folder.ReportPath(id), Shown);
        }

        ImportPossibleDuplicates = Run.ImportPossibleDuplicates;
        return Page();
    }

    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        Run = await runs.FindAsync(id, ct);
        var path = folder.ReportPath(id);
        return Run is null || !System.IO.File.Exists(path)
            ? NotFound()
            : PhysicalFile(path, "text/csv", $"import-report-{Path.GetFileNameWithoutExtension(Run.FileName)}.csv");
    }

    public Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken ct) => StartAsync(id, commit: false, ct);

    public Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken ct) => StartAsync(id, commit: true, ct);

    private async Task<IActionResult> StartAsync(Guid id, bool commit, CancellationToken ct)
    {
        Run = await runs.FindAsync(id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        // Import only after a dry run of the same mapping; never twice at once, never again after it is done.
        var allowed = commit ? Run.Status == ImportRunStatus.Checked : Run.Status is ImportRunStatus.Checked or ImportRunStatus.Failed or ImportRunStatus.Uploaded;
        if (allowed)
        {
            Run.ImportPossibleDuplicates = ImportPossibleDuplicates;
            Run.Status = commit ? ImportRunStatus.Importing : ImportRunStatus.Checking;
            Run.Failure = null;
            await runs.Db.SaveChangesAsync(ct);
            await runner.EnqueueAsync(Run.Id, commit);
        }

        return RedirectToPage("Run", new { id });
    }

    /// <summary>The report's first lines (refusals and possible duplicates first, as they need action) and how many there are.</summary>
    private static (IReadOnlyList<CaseloadImporter.ReportLine>, int) ReadReport(string path, int max)
    {
        if (!System.IO.File.Exists(path))
        {
            return ([], 0);
        }

        var action = new List<CaseloadImporter.ReportLine>();
        var rest = new List<CaseloadImporter.ReportLine>();
        var count = 0;
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var line in csv.GetRecords<CaseloadImporter.ReportLine>())
        {
            count++;
            var needsAction = line.Result is CaseloadImporter.Results.Refused or CaseloadImporter.Results.PossibleDuplicate;
            if (needsAction && action.Count < max)
            {
                action.Add(line);
            }
            else if (!needsAction && rest.Count < max)
            {
                rest.Add(line);
            }
        }

        return (action.Concat(rest).Take(max).ToList(), count);
    }
}
