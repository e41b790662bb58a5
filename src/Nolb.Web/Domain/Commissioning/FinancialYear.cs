using System.Globalization;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>A public-sector financial year, April to March, named by the year it starts in: 2026 is April 2026 to March 2027.</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>"2026-27".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");

    public IReadOnlyList<FinancialQuarter> Quarters => [new(StartYear, 1), new(StartYear, 2), new(StartYear, 3), new(StartYear, 4)];

    public override string ToString() => Label;
}

/// <summary>A quarter of a financial year: Q1 is April to June, Q2 July to September, Q3 October to December, Q4 January to March.</summary>
public readonly record struct FinancialQuarter(int Year, int Number) : IComparable<FinancialQuarter>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static FinancialQuarter Of(DateOnly date)
    {
        var year = FinancialYear.Of(date);
        var monthsIn = ((date.Month - 4) + 12) % 12;
        return new(year.StartYear, (monthsIn / 3) + 1);
    }

    public bool IsValid => Number is >= 1 and <= 4 && Year is >= 2000 and <= 2100;

    public FinancialYear FinancialYear => new(Year);

    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths((Number - 1) * 3);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>"Q1 2026-27".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Q{Number} {FinancialYear.Label}");

    /// <summary>"April to June 2026".</summary>
    public string Months => $"{Start.ToString("MMMM", English)} to {End.ToString("MMMM yyyy", English)}";

    public FinancialQuarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Every quarter that overlaps the days from <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    public static IReadOnlyList<FinancialQuarter> Covering(DateOnly from, DateOnly to)
    {
        var quarters = new List<FinancialQuarter>();
        for (var q = Of(from); q.Start <= to && quarters.Count < 400; q = q.Next)
        {
            quarters.Add(q);
        }

        return quarters;
    }

    public int CompareTo(FinancialQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) < 0;

    public static bool operator >(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) > 0;

    public static bool operator <=(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) <= 0;

    public static bool operator >=(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) >= 0;

    public override string ToString() => Label;
}
