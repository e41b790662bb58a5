using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>
/// Supply mapping (delivery plan Section 4.1): the LEP's open services as a grid of pipeline stages by target group,
/// with the number of services and places in each cell. National services count too; empty cells are the gaps.
/// </summary>
[Authorize(Policy = Permissions.ServiceDirectory.Read)]
public sealed class SupplyMapModel(NolbDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record Cell(int Services, int Places, bool PlacesUnknown);

    public IReadOnlyDictionary<(PipelineStage, TargetGroup), Cell> Cells { get; private set; } = new Dictionary<(PipelineStage, TargetGroup), Cell>();
    public string Scope { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var services = await db.DirectoryServices.AsNoTracking().VisibleTo(currentUser).Where(s => s.Active)
            .Select(s => new { s.Stages, s.TargetGroups, s.PlacesPerQuarter }).ToListAsync(ct);
        Scope = currentUser.LepName is { } lep ? $"{lep} and national services" : "every LEP and national services";
        var cells = new Dictionary<(PipelineStage, TargetGroup), Cell>();
        foreach (var stage in Enum.GetValues<PipelineStage>())
        {
            foreach (var group in Enum.GetValues<TargetGroup>())
            {
                // A service for "anyone" serves every group.
                var matching = services.Where(s => s.Stages.Contains(stage) && (s.TargetGroups.Contains(group) || s.TargetGroups.Contains(TargetGroup.AllAges))).ToList();
                cells[(stage, group)] = new Cell(matching.Count, matching.Sum(s => s.PlacesPerQuarter ?? 0), matching.Any(s => s.PlacesPerQuarter is null));
            }
        }

        Cells = cells;
    }
}
