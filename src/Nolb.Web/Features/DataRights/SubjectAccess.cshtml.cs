using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// A subject access request, from receipt to release: the administrator records the request, reads the case notes,
/// withholds notes or blacks out passages that would identify other people, says why, and releases the copy (a zip
/// of JSON and PDF). The request, the review of the notes, the release and every download are audited.
/// </summary>
[Authorize(Policy = Permissions.DataRights.Manage)]
public sealed class SubjectAccessModel(NolbDbContext db, CurrentUser currentUser, TimeProvider clock, AuditLog audit, SubjectAccessExport export) : PageModel
{
    public const string AuditedAs = "SubjectAccessRequest";
    private const int ExcerptLength = 400;

    public DataRightsPerson Person { get; private set; } = null!;
    public IReadOnlyList<SubjectAccessRequest> Requests { get; private set; } = [];
    public SubjectAccessRequest? Open => Requests.FirstOrDefault(r => !r.IsReleased);
    public IReadOnlyList<SelectListItem> Notes { get; private set; } = [];

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    [BindProperty]
    public string? RequestNotes { get; set; }

    [BindProperty]
    public List<Guid> RedactNoteIds { get; set; } = [];

    [BindProperty]
    public string? RedactedPassages { get; set; }

    [BindProperty]
    public string? RedactionReason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        if (Open is not null)
        {
            ModelState.AddModelError("", "A request for this person is already open. Release it before recording another");
        }
        else if (ReceivedOn is null)
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date the request was received");
        }
        else if (ReceivedOn > today)
        {
            ModelState.AddModelError(nameof(ReceivedOn), "The date the request was received cannot be in the future");
        }

        if (RequestNotes is { Length: > SubjectAccessRequest.TextLength })
        {
            ModelState.AddModelError(nameof(RequestNotes), $"Notes about the request must be {SubjectAccessRequest.TextLength} characters or fewer");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var request = new SubjectAccessRequest
        {
            ParticipantId = Person.Id,
            LepId = Person.LepId,
            ReceivedOn = ReceivedOn!.Value,
            Notes = string.IsNullOrWhiteSpace(RequestNotes) ? null : RequestNotes.Trim(),
            RecordedByUserId = currentUser.Id!.Value,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.SubjectAccessRequested, AuditedAs, Person.Id, Person.LepId, $"Request {request.Id} received on {request.ReceivedOn:yyyy-MM-dd}", ct);
        TempData["Confirmation"] = "The request is recorded. Check the case notes below, then release the copy.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var request = await db.SubjectAccessRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ParticipantId == id, ct);
        if (request is null)
        {
            return NotFound();
        }

        if (request.Version != Version)
        {
            ModelState.AddModelError("", "Someone else changed this request while you were reviewing it. Reload the page and review it again");
            return Page();
        }

        var known = Notes.Select(n => Guid.Parse(n.Value)).ToHashSet();
        var passages = (RedactedPassages ?? "").Split('\n').Select(p => p.TrimEnd('\r')).ToList();
        var errors = request.Release(RedactNoteIds.Where(known.Contains).ToList(), passages, RedactionReason, currentUser.Id!.Value, clock.GetUtcNow().UtcDateTime);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else released this request while you were reviewing it. Reload the page to see it");
            return Page();
        }

        await audit.RecordAsync(AuditAction.SubjectAccessReleased, AuditedAs, Person.Id, Person.LepId,
            $"Request {request.Id} released: {request.RedactedNoteIds.Count} note(s) withheld, {request.RedactedPassages.Count} passage(s) blacked out", ct);
        TempData["Confirmation"] = "The copy is released. Download it below and send it to the person securely.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        var person = await DataRightsPerson.FindAsync(db, id, ct);
        var request = await db.SubjectAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.ParticipantId == id, ct);
        if (person is null || request is not { IsReleased: true })
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.SubjectAccessReleased, AuditedAs, person.Id, person.LepId, $"Copy for request {request.Id} downloaded", ct);
        var data = await export.BuildAsync(person.Id, SubjectAccessExport.Audience.Administrator,
            new SubjectAccessExport.Redactions(request.RedactedNoteIds, request.RedactedPassages), ct);
        return File(SubjectAccessExport.ZipToTemporaryFile(data), "application/zip", SubjectAccessExport.FileName(data));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await DataRightsPerson.FindAsync(db, id, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        Requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.ParticipantId == id)
            .OrderByDescending(r => r.RecordedAt).ToListAsync(ct);
        if (Open is { } open)
        {
            Version = open.Version;

            // Reviewing the notes for release reads the whole of them: audited like opening the record.
            var engagementIds = db.Engagements.Where(e => e.ParticipantId == id).Select(e => e.Id);
            Notes = (await db.CaseNotes.AsNoTracking().Where(n => engagementIds.Contains(n.EngagementId))
                    .OrderBy(n => n.Date).ThenBy(n => n.CreatedAt)
                    .Select(n => new { n.Id, n.Date, n.Sensitivity, n.Text }).ToListAsync(ct))
                .Select(n => new SelectListItem(
                    $"{n.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}{(n.Sensitivity is null ? "" : " (sensitive)")}: "
                    + (n.Text.Length > ExcerptLength ? n.Text[..ExcerptLength] + "…" : n.Text),
                    n.Id.ToString(), RedactNoteIds.Contains(n.Id)))
                .ToList();
            await audit.ReadAsync(AuditedAs, id, person.LepId, ct);
        }

        return true;
    }
}
