using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>The person downloads their own information, as a PDF to read or a JSON file for another service. Each download is audited.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnRecord)]
public sealed class DataModel(MyRecord me, OwnDataExport export, DataRights.SubjectAccessExport everything, AuditLog audit) : PageModel
{
    public const string AuditedAs = "OwnDataExport";

    public bool Linked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Linked = await me.FindAsync(ct) is not null;

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        DownloadAsync(data => File(OwnDataExport.ToPdf(data), "application/pdf", "my-information.pdf"), ct);

    public Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        DownloadAsync(data => File(OwnDataExport.ToJson(data), "application/json", "my-information.json"), ct);

    /// <summary>
    /// Everything held about the person, as the administrator's subject access copy, without case notes and the other
    /// text staff wrote (nobody has checked those for other people's details; an administrator releases them on request).
    /// </summary>
    public async Task<IActionResult> OnGetEverythingAsync(CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(Domain.AuditAction.SubjectAccessReleased, DataRights.SubjectAccessModel.AuditedAs, person.Id, person.LepId,
            "The person downloaded their own copy", ct);
        var data = await everything.BuildAsync(person.Id, DataRights.SubjectAccessExport.Audience.Person, DataRights.SubjectAccessExport.Redactions.None, ct);
        return File(DataRights.SubjectAccessExport.ZipToTemporaryFile(data), "application/zip", DataRights.SubjectAccessExport.FileName(data));
    }

    private async Task<IActionResult> DownloadAsync(Func<OwnDataExport.OwnData, IActionResult> file, CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        await audit.ReadAsync(AuditedAs, person.Id, person.LepId, ct);
        return file(await export.BuildAsync(person.Id, ct));
    }
}
