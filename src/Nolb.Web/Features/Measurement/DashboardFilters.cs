using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The filters every dashboard shares, read from the query string of a plain GET form (so they work without
/// JavaScript): period, funding stream, target group and the intersection to draw. Bad values are named in an
/// error summary and no figures are shown.
/// </summary>
public abstract class DashboardPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Funding { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rows { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Columns { get; set; }

    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> FundingStreams { get; } = Enum.GetValues<FundingStream>()
        .Select(f => new SelectListItem(Breakdowns.FundingName(f), f.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> TargetGroupItems { get; } = TargetGroups.All.Select(t => new SelectListItem(t.Label, t.Value)).ToList();

    public static IReadOnlyList<SelectListItem> IntersectionIndicators { get; } = IntersectionRequest.Indicators
        .Select(code => new SelectListItem(MeasurementData.Catalogue.Find(code)!.Name, code)).ToList();

    public static IReadOnlyList<SelectListItem> Dimensions { get; } = Breakdowns.All.Select(d => new SelectListItem(d.Name, d.Code)).ToList();

    /// <summary>
    /// Every LEP's figures, which only the tables disclosure control protects together may show: quarters, for everyone
    /// (see <see cref="Parse"/>). The form then offers only those.
    /// </summary>
    public virtual bool PublishedTablesOnly => false;

    /// <summary>The filters, or null with the problems in ModelState. Defaults: the last complete quarter, no stream or group, starts by sex and age band.</summary>
    protected DashboardFilter? ReadFilter(DateOnly today)
    {
        Periods = RecentPeriods(today, PublishedTablesOnly);
        Period ??= ReportingPeriod.QuarterContaining(today).Previous().Label;
        Indicator ??= IntersectionRequest.Default.Indicator;
        Rows ??= IntersectionRequest.Default.Rows;
        Columns ??= IntersectionRequest.Default.Columns;
        var (filter, errors) = Parse(Period, Funding, Target, Indicator, Rows, Columns, today, PublishedTablesOnly);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
        }

        if (filter is not null && !Periods.Any(p => p.Value == filter.Period.Label))
        {
            Periods = [new SelectListItem($"{filter.Period.Label}: {filter.Period.Describe()}", filter.Period.Label), .. Periods];
        }

        return filter;
    }

    /// <summary>
    /// The filters from the query string, for the pages and the API alike; each problem is named by its parameter. Missing
    /// values take the defaults: the last complete quarter, no stream or group, starts by sex and age band.
    /// With <paramref name="publishedTablesOnly"/> (every LEP side by side) only a quarter, for everyone: disclosure
    /// control protects a quarter's tables together, and a year (the sum of its quarters) or one funding stream or target
    /// group (part of a whole shown elsewhere) differenced against them could narrow a hidden count to a few people.
    /// </summary>
    public static (DashboardFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? period, string? funding, string? target, string? indicator, string? rows, string? columns, DateOnly today, bool publishedTablesOnly = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsedPeriod = string.IsNullOrWhiteSpace(period) ? ReportingPeriod.QuarterContaining(today).Previous() : ReportingPeriod.Parse(period);
        if (parsedPeriod is null || parsedPeriod.Kind == PeriodKind.Dates || parsedPeriod.From.Year < 2000 || parsedPeriod.From > today)
        {
            errors["period"] = ["Choose a period from the list: a quarter like 2025-Q3 or a financial year like 2025-26, not in the future"];
        }
        else if (publishedTablesOnly && parsedPeriod.Kind != PeriodKind.Quarter)
        {
            errors["period"] = ["Every LEP's figures are published by quarter: choose a quarter like 2025-Q3, not a financial year"];
        }

        if (publishedTablesOnly && (!string.IsNullOrWhiteSpace(funding) || !string.IsNullOrWhiteSpace(target)))
        {
            errors[string.IsNullOrWhiteSpace(funding) ? "target" : "funding"] =
                ["Every LEP's figures are published for everyone, not for one funding stream or target group: choose all funding streams and everyone. Scotland by funding stream is in the statistics API"];
            funding = target = null;
        }

        FundingStream? stream = null;
        if (!string.IsNullOrWhiteSpace(funding))
        {
            if (Enum.TryParse<FundingStream>(funding, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(funding, out _))
            {
                stream = parsed;
            }
            else
            {
                errors["funding"] = ["Choose a funding stream from the list, or all funding streams"];
            }
        }

        var group = TargetGroups.Find(target);
        if (!string.IsNullOrWhiteSpace(target) && group is null)
        {
            errors["target"] = ["Choose a target group from the list, or everyone"];
        }

        indicator = string.IsNullOrWhiteSpace(indicator) ? IntersectionRequest.Default.Indicator : indicator;
        if (!IntersectionRequest.Indicators.Contains(indicator, StringComparer.Ordinal))
        {
            errors["indicator"] = ["Choose what to count from the list: starts, participants supported or job entries"];
        }

        var first = Breakdowns.Find(string.IsNullOrWhiteSpace(rows) ? IntersectionRequest.Default.Rows : rows);
        var second = Breakdowns.Find(string.IsNullOrWhiteSpace(columns) ? IntersectionRequest.Default.Columns : columns);
        if (first is null)
        {
            errors["rows"] = ["Choose the first breakdown from the list, such as sex"];
        }

        if (second is null || second == first)
        {
            errors["columns"] = ["Choose a second breakdown from the list that is different from the first, such as age band"];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new DashboardFilter(parsedPeriod!, stream, group, new IntersectionRequest(indicator, first!.Code, second!.Code)), errors);
    }

    /// <summary>The last eight quarters and (unless <paramref name="quartersOnly"/>) the last three financial years, newest first.</summary>
    private static List<SelectListItem> RecentPeriods(DateOnly today, bool quartersOnly)
    {
        var items = new List<SelectListItem>();
        var quarter = ReportingPeriod.QuarterContaining(today);
        for (var i = 0; i < 8; i++)
        {
            items.Add(new SelectListItem($"{quarter.Label}: {quarter.Describe()}", quarter.Label));
            quarter = quarter.Previous();
        }

        var year = ReportingPeriod.FinancialYearContaining(today);
        for (var i = 0; i < (quartersOnly ? 0 : 3); i++)
        {
            items.Add(new SelectListItem(string.Create(CultureInfo.InvariantCulture, $"Financial year {year.Label}: {year.Describe()}"), year.Label));
            year = year.Previous();
        }

        return items;
    }
}
