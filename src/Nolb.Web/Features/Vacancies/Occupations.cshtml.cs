using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>Find a SOC 2020 code by job title.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class OccupationsModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<(string Code, string Title)> Found { get; private set; } = [];

    public void OnGet() => Found = Occupations.Search(Search);
}
