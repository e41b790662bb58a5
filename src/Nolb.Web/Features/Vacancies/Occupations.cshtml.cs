using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>Find a SOC 2020 code by job title.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class OccupationsModel(OccupationCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<(string Code, string Title)> Found { get; private set; } = [];

    public OccupationCatalogue.Snapshot Current => catalogue.Current;

    public void OnGet() => Found = catalogue.Search(Search);
}
