using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

/// <summary>Set the LEP's recruitment incentive scheme for a financial year: the minimum standards and the payments.</summary>
[Authorize(Policy = Permissions.Employers.ApproveIncentives)]
public sealed class SchemeModel(IncentiveCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SchemeInput Input { get; set; } = new();

    public sealed class SchemeInput
    {
        public int? FinancialYear { get; set; }
        public decimal? MinimumHourlyPay { get; set; }
        public decimal? MinimumHoursPerWeek { get; set; }
        public int? MinimumContractMonths { get; set; }
        public bool ZeroHoursAllowed { get; set; }
        public decimal? PaymentAtStart { get; set; }
        public decimal? PaymentAt13Weeks { get; set; }
        public decimal? PaymentAt26Weeks { get; set; }
        public decimal? PaymentAt52Weeks { get; set; }
    }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var chosen = year ?? IncentiveScheme.FinancialYearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var s = await commands.Schemes.AsNoTracking().SingleOrDefaultAsync(x => x.FinancialYear == chosen, ct);
        Input = s is null
            ? new SchemeInput { FinancialYear = chosen }
            : new SchemeInput
            {
                FinancialYear = chosen,
                MinimumHourlyPay = s.MinimumHourlyPay,
                MinimumHoursPerWeek = s.MinimumHoursPerWeek,
                MinimumContractMonths = s.MinimumContractMonths,
                ZeroHoursAllowed = s.ZeroHoursAllowed,
                PaymentAtStart = s.PaymentAtStart,
                PaymentAt13Weeks = s.PaymentAt13Weeks,
                PaymentAt26Weeks = s.PaymentAt26Weeks,
                PaymentAt52Weeks = s.PaymentAt52Weeks,
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var result = await commands.SaveSchemeAsync(i.FinancialYear ?? 0, new(i.MinimumHourlyPay, i.MinimumHoursPerWeek, i.MinimumContractMonths, i.ZeroHoursAllowed,
            i.PaymentAtStart, i.PaymentAt13Weeks, i.PaymentAt26Weeks, i.PaymentAt52Weeks), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The {result.Value!.YearLabel} scheme is saved.";
            return RedirectToPage("Index");
        }

        return result.Handle(ModelState) ?? Page();
    }
}
