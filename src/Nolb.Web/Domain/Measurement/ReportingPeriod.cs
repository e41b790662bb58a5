using System.Globalization;
using System.Text.RegularExpressions;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// A span of days figures are counted over: a calendar quarter ("2025-Q3" is July to September 2025, as the
/// No One Left Behind statistical summary labels its quarters), a financial year ("2025-26" is April 2025 to
/// March 2026) or any from–to dates. Events fall in the period by the date they happened (a start by its start
/// date, not the day it was recorded), so a late-recorded start lands in the right quarter and the quarter's
/// figure is revised.
/// </summary>
public sealed partial record ReportingPeriod(DateOnly From, DateOnly To, string Label, PeriodKind Kind)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new ReportingPeriod(from, from.AddMonths(3).AddDays(-1), $"{year}-Q{quarter}", PeriodKind.Quarter);
    }

    public static ReportingPeriod FinancialYear(int startYear)
    {
        var from = new DateOnly(startYear, 4, 1);
        return new ReportingPeriod(from, from.AddYears(1).AddDays(-1), $"{startYear}-{(startYear + 1) % 100:00}", PeriodKind.FinancialYear);
    }

    public static ReportingPeriod QuarterContaining(DateOnly date) => Quarter(date.Year, ((date.Month - 1) / 3) + 1);

    public static ReportingPeriod FinancialYearContaining(DateOnly date) => FinancialYear(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>"2025-Q3" or "2025-26"; null when the text is neither, or names a year outside <see cref="DateBounds"/> ("9999-Q4", "0000-Q1").</summary>
    public static ReportingPeriod? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var quarter = QuarterPattern().Match(text.Trim());
        if (quarter.Success)
        {
            return !DateBounds.Contains(int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture)) ? null : Quarter(int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(quarter.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        var year = YearPattern().Match(text.Trim());
        if (year.Success)
        {
            var start = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            return !DateBounds.Contains(start) || !DateBounds.Contains(start + 1) ? null : (start + 1) % 100 == int.Parse(year.Groups[2].Value, CultureInfo.InvariantCulture) ? FinancialYear(start) : null;
        }

        return null;
    }

    public static ReportingPeriod Between(DateOnly from, DateOnly to) =>
        new(from, to, $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", PeriodKind.Dates);

    /// <summary>The period of the same length just before this one: the previous quarter or financial year.</summary>
    public ReportingPeriod Previous() => Kind switch
    {
        PeriodKind.Quarter => QuarterContaining(From.AddDays(-1)),
        PeriodKind.FinancialYear => FinancialYear(From.Year - 1),
        _ => Between(From.AddDays(-(To.DayNumber - From.DayNumber + 1)), From.AddDays(-1)),
    };

    /// <summary>
    /// Figures are provisional while they can still change a lot: starts are recorded late while eligibility is
    /// checked. A period is provisional when it ends in the current quarter or the one before it (the latest two).
    /// </summary>
    public bool IsProvisionalOn(DateOnly today) => To >= QuarterContaining(today).Previous().From;

    /// <summary>Plain words for the period, e.g. "July to September 2025" or "April 2025 to March 2026".</summary>
    public string Describe()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        return Kind switch
        {
            PeriodKind.Quarter => $"{From.ToString("MMMM", culture)} to {To.ToString("MMMM yyyy", culture)}",
            PeriodKind.FinancialYear => $"{From.ToString("MMMM yyyy", culture)} to {To.ToString("MMMM yyyy", culture)}",
            _ => $"{From.ToString("d MMMM yyyy", culture)} to {To.ToString("d MMMM yyyy", culture)}",
        };
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex YearPattern();
}

public enum PeriodKind
{
    Quarter,
    FinancialYear,
    Dates,
}
