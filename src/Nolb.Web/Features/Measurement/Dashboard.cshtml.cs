using Microsoft.AspNetCore.Authorization;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>A key worker's own caseload on the Shared Measurement Framework themes, against the period before.</summary>
[Authorize(Policy = Permissions.Statistics.ReadOwnCaseload)]
public sealed class DashboardModel(DashboardQuery query, Statistics statistics) : DashboardPageModel
{
    public Dashboard? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReadFilter(statistics.Today) is { } filter)
        {
            Figures = await query.CaseloadAsync(filter, ct);
        }
    }
}
