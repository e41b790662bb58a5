using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>The indicator definitions by Shared Measurement Framework theme: what each counts and how.</summary>
[Authorize]
public sealed class IndicatorsModel : PageModel
{
    public IndicatorCatalogue Catalogue => MeasurementData.Catalogue;

    public IEnumerable<IGrouping<Theme, IndicatorDefinition>> Themes => Catalogue.Indicators.GroupBy(i => i.Theme).OrderBy(g => g.Key);

    public void OnGet()
    {
    }
}
