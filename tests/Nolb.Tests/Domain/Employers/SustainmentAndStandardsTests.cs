using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Domain.Outcomes;

namespace Nolb.Tests.Domain.Employers;

public sealed class SustainmentAndStandardsTests
{
    [Theory]
    [InlineData("2024-02-29", "2024-05-30", "2024-08-29", "2025-02-27")]
    [InlineData("2025-01-31", "2025-05-02", "2025-08-01", "2026-01-30")]
    [InlineData("2023-08-31", "2023-11-30", "2024-02-29", "2024-08-29")]
    [InlineData("2025-12-31", "2026-04-01", "2026-07-01", "2026-12-30")]
    public void Checks_fall_exactly_13_26_and_52_weeks_after_the_start_on_the_same_weekday(string start, string at13, string at26, string at52)
    {
        var started = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(at13, System.Globalization.CultureInfo.InvariantCulture), Sustainment.DueDate(started, SustainmentPoint.Weeks13));
        Assert.Equal(DateOnly.Parse(at26, System.Globalization.CultureInfo.InvariantCulture), Sustainment.DueDate(started, SustainmentPoint.Weeks26));
        Assert.Equal(DateOnly.Parse(at52, System.Globalization.CultureInfo.InvariantCulture), Sustainment.DueDate(started, SustainmentPoint.Weeks52));
        Assert.Equal(started.DayOfWeek, Sustainment.DueDate(started, SustainmentPoint.Weeks52).DayOfWeek);
    }

    private static IncentiveScheme Scheme() => new()
    {
        FinancialYear = 2026,
        MinimumHourlyPay = 12.60m,
        MinimumHoursPerWeek = 16,
        MinimumContractMonths = 12,
        PaymentAtStart = 500,
        PaymentAt13Weeks = 1000,
        PaymentAt26Weeks = 1500,
    };

    [Fact]
    public void A_job_meeting_every_standard_passes_each_check_with_its_reason()
    {
        var checks = MinimumStandards.Check(Scheme(), new IncentiveJob(12.60m, 16, ContractType.Permanent, null, true));

        Assert.All(checks, c => Assert.True(c.Met, c.Explanation));
        Assert.Equal(["Pay", "Hours", "Contract", "No displacement"], checks.Select(c => c.Standard));
        Assert.Equal("Pays £12.60 an hour; the scheme's minimum is £12.60", checks[0].Explanation);
    }

    [Theory]
    [InlineData(12.59, 16, ContractType.Permanent, null, true, "Pay")]
    [InlineData(13.00, 15.5, ContractType.Permanent, null, true, "Hours")]
    [InlineData(13.00, 20, ContractType.ZeroHours, null, true, "Contract")]
    [InlineData(13.00, 20, ContractType.FixedTerm, 11, true, "Contract")]
    [InlineData(13.00, 20, ContractType.Permanent, null, false, "No displacement")]
    public void A_job_failing_one_standard_fails_only_that_check(double pay, double hours, ContractType contract, int? months, bool noDisplacement, string failed)
    {
        var checks = MinimumStandards.Check(Scheme(), new IncentiveJob((decimal)pay, (decimal)hours, contract, months, noDisplacement));

        Assert.Equal([failed], checks.Where(c => !c.Met).Select(c => c.Standard));
    }

    [Fact]
    public void Approving_a_failing_job_needs_an_override_reason_and_then_schedules_the_stage_payments()
    {
        var scheme = Scheme();
        var application = new IncentiveApplication
        {
            JobTitle = "Kitchen assistant",
            StartDate = new DateOnly(2026, 5, 4),
            HourlyPay = 12.21m,
            HoursPerWeek = 20,
            Contract = ContractType.Permanent,
            NoDisplacementConfirmed = true,
        };

        var refused = application.Approve(scheme, "  ", Guid.NewGuid(), new DateOnly(2026, 5, 1));
        Assert.Equal("overrideReason", refused.Single().Field);
        Assert.Contains("pay", refused.Single().Message, StringComparison.Ordinal);
        Assert.Equal(IncentiveStatus.Submitted, application.Status);

        Assert.Empty(application.Approve(scheme, "Pay rises to the Real Living Wage after probation", Guid.NewGuid(), new DateOnly(2026, 5, 1)));
        Assert.Equal(IncentiveStatus.Approved, application.Status);
        Assert.Equal("Pay rises to the Real Living Wage after probation", application.OverrideReason);
        Assert.Equal(
            [(PaymentPoint.Start, 500m, new DateOnly(2026, 5, 4)), (PaymentPoint.Weeks13, 1000m, new DateOnly(2026, 8, 3)), (PaymentPoint.Weeks26, 1500m, new DateOnly(2026, 11, 2))],
            application.Payments.Select(p => (p.Point, p.Amount, p.DueOn)));
    }

    [Fact]
    public void The_financial_year_runs_april_to_march()
    {
        Assert.Equal(2025, IncentiveScheme.FinancialYearOf(new DateOnly(2026, 3, 31)));
        Assert.Equal(2026, IncentiveScheme.FinancialYearOf(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Fair_work_markers_need_the_real_living_wage_no_zero_hours_and_stated_hours()
    {
        Assert.True(FairWork.Check(12.60m, 20, ContractType.Permanent, 12.60m).MeetsAll);
        Assert.False(FairWork.Check(12.59m, 20, ContractType.Permanent, 12.60m).PaysRealLivingWage);
        Assert.False(FairWork.Check(13m, 20, ContractType.ZeroHours, 12.60m).NotZeroHours);
        Assert.False(FairWork.Check(13m, null, ContractType.Permanent, 12.60m).HoursStated);
        Assert.False(FairWork.Check(null, 20, ContractType.Permanent, 12.60m).MeetsAll);
    }
}
