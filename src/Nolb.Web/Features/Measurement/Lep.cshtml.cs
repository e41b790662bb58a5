using Microsoft.AspNetCore.Authorization;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The LEP's dashboard for team leaders and LEP managers: every indicator by quarter or financial year, against the
/// period before and against Scotland (the Scotland figure under disclosure control).
/// </summary>
[Authorize(Policy = Permissions.Statistics.ReadLep)]
public sealed class LepModel(DashboardQuery query, Statistics statistics, ScotlandFigures scotland) : DashboardPageModel
{
    public Dashboard? Figures { get; private set; }

    public TimeSpan ScotlandLifetime => scotland.Lifetime;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReadFilter(statistics.Today) is { } filter)
        {
            Figures = await query.LepAsync(filter, ct);
        }
    }
}
