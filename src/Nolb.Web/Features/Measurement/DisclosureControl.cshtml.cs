using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement;

/// <summary>The disclosure control rules in plain words, with a worked example computed by the real component.</summary>
[AllowAnonymous]
public sealed class DisclosureControlModel : PageModel
{
    public static readonly string[] RowNames = ["Area A", "Area B"];
    public static readonly string[] ColumnNames = ["Women", "Men"];
    public static readonly int[,] Counts = { { 6, 3 }, { 3, 0 } };

    public DisclosureRules Rules => DisclosureRules.Default;

    public ProtectedTable Example { get; } = Domain.Measurement.DisclosureControl.Protect(Counts);

    public void OnGet()
    {
    }
}
