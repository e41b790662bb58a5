using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.CaseloadImport;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseloadImport;

/// <summary>
/// Step 3: the file's own words for coded fields that Nolb cannot read (their "Unemployed &lt;6m"), each to be matched to
/// one of Nolb's codes. A value left unmatched is refused, row by row, in the dry run. Sending the form starts the dry run.
/// </summary>
[Authorize(Policy = Permissions.CaseloadImport.Run)]
public sealed class ValuesModel(ImportRuns runs, ImportWorkFolder folder, ImportRunner runner) : PageModel
{
    public sealed class Pair
    {
        public string Field { get; set; } = "";
        public string Value { get; set; } = "";
        public string? Code { get; set; }
    }

    public ImportRun? Run { get; private set; }
    public IReadOnlyList<ImportField> Fields { get; private set; } = [];

    [BindProperty]
    public List<Pair> Pairs { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var mapping = ImportMapping.From(Run!, Fields);
        Pairs = mapping.UnknownValues(ImportFile.Read(folder.UploadPath(Run!.Id, Run.FileName), Run.FileName))
            .SelectMany(u => u.Value.Select(v => new Pair { Field = u.Key, Value = v })).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var mapping = ImportMapping.From(Run!, Fields);
        foreach (var pair in Pairs.Where(p => !string.IsNullOrEmpty(p.Code)))
        {
            // Only a real code of a real field is kept: the form is not trusted to name them.
            if (Fields.SingleOrDefault(f => f.Name == pair.Field) is { Codes: { } codes } && codes.Any(c => c.Code == pair.Code))
            {
                var values = mapping.Values.TryGetValue(pair.Field, out var v) ? v : mapping.Values[pair.Field] = [];
                values[pair.Value.Trim()] = pair.Code!;
            }
        }

        Run!.ValueMapping = mapping.ValuesJson();
        Run.Status = ImportRunStatus.Checking;
        Run.Failure = null;
        await runs.Db.SaveChangesAsync(ct);
        await runner.EnqueueAsync(Run.Id, commit: false);
        return RedirectToPage("Run", new { id });
    }

    /// <summary>The run and the fields; or where to go instead: 404 for another LEP's run, the run's page once it is running or done.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Run = await runs.FindAsync(id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        if (Run.Status is ImportRunStatus.Imported or ImportRunStatus.Checking or ImportRunStatus.Importing)
        {
            return RedirectToPage("Run", new { id });
        }

        Fields = await runs.FieldsAsync(ct);
        return null;
    }
}
