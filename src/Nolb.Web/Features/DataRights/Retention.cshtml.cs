using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>The retention policy in force, a dry run that lists what is due, and running it now rather than waiting for the nightly job.</summary>
[Authorize(Policy = Permissions.DataRights.Manage)]
public sealed class RetentionModel(RetentionRun retention) : PageModel
{
    public RetentionSettings Settings => retention.Settings;
    public RetentionRun.Report? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostDryRunAsync(CancellationToken ct) => Report = await retention.RunAsync(dryRun: true, ct);

    public async Task OnPostRunAsync(CancellationToken ct) => Report = await retention.RunAsync(dryRun: false, ct);
}
