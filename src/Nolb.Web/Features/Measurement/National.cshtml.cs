using Microsoft.AspNetCore.Authorization;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>All 32 LEPs side by side for national analysts: aggregates only, every cell under disclosure control.</summary>
[Authorize(Policy = Permissions.Statistics.ReadNational)]
public sealed class NationalModel(DashboardQuery query, Statistics statistics) : DashboardPageModel
{
    public NationalDashboard? Figures { get; private set; }

    public override bool PublishedTablesOnly => true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReadFilter(statistics.Today) is { } filter)
        {
            Figures = await query.NationalAsync(filter, ct);
        }
    }
}
