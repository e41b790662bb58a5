using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>Browse and search the directory: the user's LEP's services and national ones.</summary>
[Authorize(Policy = Permissions.ServiceDirectory.Read)]
public sealed class IndexModel(NolbDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public TargetGroup? TargetGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Intervention { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public ServiceKind? Kind { get; set; }

    public IReadOnlyList<ServiceSummary> Results { get; private set; } = [];
    public bool CanManage => currentUser.Has(Permissions.ServiceDirectory.Manage);

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await DirectorySearch.SearchAsync(db, currentUser, new DirectoryFilter(Keyword, Stage, TargetGroup, Intervention, Area, Kind), ct);
}
