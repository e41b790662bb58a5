using Nolb.Web.Domain.Commissioning;

namespace Nolb.Tests.Domain.Commissioning;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2026-03-31", 2025, 4)]
    [InlineData("2026-04-01", 2026, 1)]
    [InlineData("2026-06-30", 2026, 1)]
    [InlineData("2026-07-01", 2026, 2)]
    [InlineData("2026-12-31", 2026, 3)]
    [InlineData("2027-01-01", 2026, 4)]
    public void A_date_falls_in_the_quarter_of_its_financial_year(string date, int year, int quarter)
    {
        var q = FinancialQuarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new FinancialQuarter(year, quarter), q);
        Assert.Equal(year, FinancialYear.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).StartYear);
    }

    [Fact]
    public void Quarters_have_their_dates_labels_and_order()
    {
        var q4 = new FinancialQuarter(2026, 4);

        Assert.Equal(new DateOnly(2027, 1, 1), q4.Start);
        Assert.Equal(new DateOnly(2027, 3, 31), q4.End);
        Assert.Equal("Q4 2026-27", q4.Label);
        Assert.Equal("January to March 2027", q4.Months);
        Assert.Equal(new FinancialQuarter(2027, 1), q4.Next);
        Assert.Equal("2026-27", new FinancialYear(2026).Label);
        Assert.Equal("2099-00", new FinancialYear(2099).Label);
    }

    [Fact]
    public void The_quarters_covering_a_period_include_part_quarters_at_each_end()
    {
        var quarters = FinancialQuarter.Covering(new DateOnly(2026, 5, 15), new DateOnly(2027, 1, 10));

        Assert.Equal(["Q1 2026-27", "Q2 2026-27", "Q3 2026-27", "Q4 2026-27"], quarters.Select(q => q.Label));
    }
}
