using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Journeys;

/// <summary>
/// The customer journey map of the user's LEP (Section 4.1): the most common routes through the stages, the median time
/// in each stage and where people leave, as a diagram and as tables holding the same figures.
/// </summary>
[Authorize(Policy = Permissions.Statistics.ReadLep)]
public sealed class IndexModel(JourneyQuery query) : PageModel
{
    public JourneysApi.JourneyMapDto Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.ForAsync(null, ct) is not { } map)
        {
            return NotFound();
        }

        Map = JourneysApi.ToDto(map);
        return Page();
    }
}
