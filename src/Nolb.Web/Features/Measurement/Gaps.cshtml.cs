using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The equality gaps of Section 3.3 for an LEP: LEP managers and team leaders see their own LEP in full; national
/// analysts choose any LEP, or Scotland, and see it under disclosure control.
/// </summary>
[Authorize]
public sealed class GapsModel(GapReport report, Statistics statistics, ReportingDbContextFactory reporting, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Lep { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public GapAnalysisResult? Result { get; private set; }
    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public bool ChoosesLep => user.SeesAllLeps();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.Has(Permissions.Statistics.ReadLep) && !user.Has(Permissions.Statistics.ReadNational))
        {
            return Forbid();
        }

        var today = statistics.Today;
        if (await statistics.AreaAsync(Lep, ct) is not { } area)
        {
            return NotFound();
        }

        // Scotland's and another LEP's gaps are by quarter, as disclosure control protects a quarter's tables together.
        QuartersOnly = !statistics.IsOwnLep(area.LepId);
        Periods = PeriodChoices(today, QuartersOnly);
        var period = ReportingPeriod.Parse(Period) is { Kind: PeriodKind.Quarter or PeriodKind.FinancialYear } p && (p.Kind == PeriodKind.Quarter || !QuartersOnly) ? p
            : QuartersOnly ? ReportingPeriod.QuarterContaining(today).Previous() : ReportingPeriod.FinancialYearContaining(today);
        Period = period.Label;

        if (ChoosesLep)
        {
            await using var db = reporting.Create();
            Leps = [new SelectListItem("Scotland", Statistics.ScotlandCode), .. (await db.Leps.OrderBy(l => l.Name).Select(l => new { l.Name, l.Code }).ToListAsync(ct))
                .Select(l => new SelectListItem(l.Name, l.Code))];
        }

        Result = await report.AnalyseAsync(area.LepId, area.Name, period, ct);
        return Page();
    }

    /// <summary>Scotland or another LEP: published by quarter only.</summary>
    public bool QuartersOnly { get; private set; }

    /// <summary>The last six financial years (unless <paramref name="quartersOnly"/>) and the last eight quarters, newest first.</summary>
    public static IReadOnlyList<SelectListItem> PeriodChoices(DateOnly today, bool quartersOnly = false)
    {
        var years = Enumerable.Range(0, quartersOnly ? 0 : 6).Select(i => ReportingPeriod.FinancialYear(ReportingPeriod.FinancialYearContaining(today).From.Year - i));
        var quarters = Enumerable.Range(0, 8).Select(i => ReportingPeriod.QuarterContaining(today.AddMonths(-3 * i)));
        return years.Concat(quarters).Select(p => new SelectListItem($"{p.Label} ({p.Describe()})", p.Label)).ToList();
    }
}
