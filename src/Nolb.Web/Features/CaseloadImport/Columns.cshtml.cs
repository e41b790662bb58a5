using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>Step 2: which of the file's columns holds each of Nolb's fields. Saved on the run, and offered for the LEP's next file.</summary>
[Authorize(Policy = Permissions.CaseloadImport.Run)]
public sealed class ColumnsModel(ImportRuns runs, ImportWorkFolder folder) : PageModel
{
    public ImportRun? Run { get; private set; }
    public IReadOnlyList<ImportField> Fields { get; private set; } = [];
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Nolb field → the file's column ("" for none).</summary>
    [BindProperty]
    public Dictionary<string, string> Columns { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Columns = ImportMapping.From(Run!, Fields).Columns;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Run!.Status is ImportRunStatus.Checking or ImportRunStatus.Importing or ImportRunStatus.Imported)
        {
            return RedirectToPage("Run", new { id });
        }

        var chosen = Fields.Where(f => Columns.TryGetValue(f.Name, out var c) && !string.IsNullOrEmpty(c))
            .ToDictionary(f => f.Name, f => Columns[f.Name]);
        foreach (var (field, column) in chosen.Where(c => !Headers.Contains(c.Value)))
        {
            ModelState.AddModelError($"Columns[{field}]", $"Choose a column the file has for {field}");
        }

        var reference = Run.Holds switch
        {
            ImportRecordKind.Person => ImportFields.PersonRef,
            ImportRecordKind.Engagement or ImportRecordKind.Stage => ImportFields.EngagementRef,
            null => ImportFields.RecordType,
            _ => ImportFields.RecordRef,
        };
        if (!chosen.ContainsKey(reference))
        {
            ModelState.AddModelError($"Columns[{reference}]", $"Choose the column that holds {reference}: without it rows cannot be matched when the file is imported again");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var mapping = ImportMapping.From(Run, Fields);
        Run.ColumnMapping = new ImportMapping(Fields, chosen, mapping.Values).ColumnsJson();
        Run.Status = ImportRunStatus.Uploaded;
        await runs.Db.SaveChangesAsync(ct);
        return RedirectToPage("Values", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Run = await runs.FindAsync(id, ct);
        if (Run is null)
        {
            return false;
        }

        Fields = ImportRuns.For(Run, await runs.FieldsAsync(ct)).ToList();
        Headers = (Run.Status == ImportRunStatus.Imported ? null : ImportFile.Headers(folder.UploadPath(Run.Id, Run.FileName), Run.FileName)) ?? [];
        return true;
    }
}
