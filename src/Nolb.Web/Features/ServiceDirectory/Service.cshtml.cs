using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>One service: who it is for, what it covers, where and when, and how to refer. Another LEP's answers 404.</summary>
[Authorize(Policy = Permissions.ServiceDirectory.Read)]
public sealed class ServiceModel(SaveDirectoryService services, CurrentUser currentUser) : PageModel
{
    public DirectoryService Service { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await services.LoadAsync(id, ct);
        if (service is null || !currentUser.CanSee(service))
        {
            return NotFound();
        }

        Service = service;
        CanManage = currentUser.CanManage(service);
        return Page();
    }
}
