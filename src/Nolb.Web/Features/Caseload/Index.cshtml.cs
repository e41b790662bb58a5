using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Caseload;

/// <summary>A key worker's open cases; a team leader's view of every caseload in the LEP.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class IndexModel(CaseloadQuery query, NolbDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? KeyWorker { get; set; }

    [BindProperty(SupportsGet = true)]
    public PipelineStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseloadSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CaseloadPage Cases { get; private set; } = new([], 0, 1, CaseloadQuery.DefaultPageSize);
    public DateOnly Today { get; private set; }
    public bool SeesWholeLep => currentUser.Has(Permissions.Participants.EditLep);
    public IReadOnlyList<SelectListItem> KeyWorkers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Stages { get; } =
        Enum.GetValues<PipelineStage>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Sorts { get; } =
    [
        new("Last name", nameof(CaseloadSort.Name)),
        new("Stage", nameof(CaseloadSort.Stage)),
        new("Longest since last activity", nameof(CaseloadSort.LastActivity)),
        new("Start date", nameof(CaseloadSort.Started)),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (SeesWholeLep)
        {
            KeyWorkers = await db.Users
                .Where(u => u.LepId == currentUser.LepId && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader))
                .OrderBy(u => u.DisplayName)
                .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))
                .ToListAsync(ct);
        }

        Cases = await query.RunAsync(KeyWorker, Stage, Sort, PageNumber, CaseloadQuery.DefaultPageSize, ct);
    }

    public string PageLink(int page) => Url.Page("/Caseload/Index", new { KeyWorker, Stage, Sort, p = page })!;
}
