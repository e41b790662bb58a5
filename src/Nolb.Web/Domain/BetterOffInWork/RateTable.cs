using System.Globalization;
using System.Text.Json;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>
/// One published rate with where it comes from; <see cref="Confirmed"/> is false until checked against that source, and
/// <see cref="AsPublishedOn"/> is the date the source was read when it was checked.
/// </summary>
public sealed record Rate(string Key, decimal Value, string Unit, string Description, string SourceTitle, string SourceUrl, bool Confirmed, DateOnly? AsPublishedOn = null);

/// <summary>
/// Every rate the calculation uses for one tax year, read from data (Reference/better-off/YYYY-YY.json).
/// Adding a year is adding a file: <see cref="Parse"/> refuses a table that lacks a rate the calculator needs.
/// A rate's sourceTitle and sourceUrl are the citation users see beside it; how the value was checked (what the source
/// says, what else agrees, where a still-unconfirmed value was looked for) goes in the file's "verification" field,
/// which is for maintainers and is deliberately not read, so that working never reaches the page, the PDF or the API.
/// </summary>
public sealed class RateTable
{
    /// <summary>The keys a table must carry; the calculator reads nothing else.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        "uc.standardAllowance.singleUnder25", "uc.standardAllowance.single25OrOver",
        "uc.standardAllowance.coupleBothUnder25", "uc.standardAllowance.couple25OrOver",
        "uc.child.firstBornBefore6April2017", "uc.child.other", "uc.twoChildLimit",
        "uc.disabledChild.lower", "uc.disabledChild.higher",
        "uc.lcwra.protected", "uc.lcwra.newClaim", "uc.carer",
        "uc.workAllowance.withHousing", "uc.workAllowance.withoutHousing", "uc.taper",
        "uc.childcare.percentage", "uc.childcare.maxOneChild", "uc.childcare.maxTwoOrMore",
        "uc.benefitCap.single", "uc.benefitCap.coupleOrChildren", "uc.benefitCap.earningsExemptionHours",
        "pay.nationalLivingWage", "pay.minimumWage.age18to20", "pay.minimumWage.under18AndApprentice",
        "tax.personalAllowance", "tax.personalAllowanceTaperThreshold",
        "tax.starter.upper", "tax.basic.upper", "tax.intermediate.upper", "tax.higher.upper", "tax.advanced.upper",
        "tax.starter.rate", "tax.basic.rate", "tax.intermediate.rate", "tax.higher.rate", "tax.advanced.rate", "tax.top.rate",
        "ni.primaryThreshold", "ni.upperEarningsLimit", "ni.mainRate", "ni.upperRate",
        "pension.trigger", "pension.qualifyingLower", "pension.qualifyingUpper", "pension.employeeRate",
        "scp.weekly", "childBenefit.eldest", "childBenefit.other",
        "councilTax.ratio.A", "councilTax.ratio.B", "councilTax.ratio.C", "councilTax.ratio.D",
        "councilTax.ratio.E", "councilTax.ratio.F", "councilTax.ratio.G", "councilTax.ratio.H", "councilTax.singlePersonDiscount",
        "ctr.taper", "ctr.personalAllowance.singleUnder25", "ctr.personalAllowance.single25OrOver", "ctr.personalAllowance.couple", "ctr.childPremium",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Rate> rates;

    private RateTable(string taxYear, DateOnly startsOn, DateOnly endsOn, Dictionary<string, Rate> rates)
    {
        TaxYear = taxYear;
        StartsOn = startsOn;
        EndsOn = endsOn;
        this.rates = rates;
    }

    public string TaxYear { get; }

    public DateOnly StartsOn { get; }

    public DateOnly EndsOn { get; }

    public IReadOnlyCollection<Rate> Rates => rates.Values;

    public Rate this[string key] =>
        rates.TryGetValue(key, out var rate) ? rate : throw new KeyNotFoundException($"The {TaxYear} rate table has no rate '{key}'.");

    public decimal Value(string key) => this[key].Value;

    public bool Covers(DateOnly date) => date >= StartsOn && date <= EndsOn;

    /// <summary>Reads and validates one table; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static RateTable Parse(string json, string name)
    {
        var file = JsonSerializer.Deserialize<RateFile>(json, JsonOptions)
            ?? throw new InvalidDataException($"{name}: empty rate table.");
        if (string.IsNullOrWhiteSpace(file.TaxYear) || file.Rates is null)
        {
            throw new InvalidDataException($"{name}: a rate table needs taxYear and rates.");
        }

        var startsOn = DateOnly.Parse(file.StartsOn ?? "", CultureInfo.InvariantCulture);
        var endsOn = DateOnly.Parse(file.EndsOn ?? "", CultureInfo.InvariantCulture);
        if (endsOn <= startsOn)
        {
            throw new InvalidDataException($"{name}: endsOn must be after startsOn.");
        }

        var rates = new Dictionary<string, Rate>(StringComparer.Ordinal);
        foreach (var r in file.Rates)
        {
            if (string.IsNullOrWhiteSpace(r.Key) || r.Value is null || r.Value < 0
                || string.IsNullOrWhiteSpace(r.SourceTitle) || !Uri.TryCreate(r.SourceUrl, UriKind.Absolute, out _))
            {
                throw new InvalidDataException($"{name}: rate '{r.Key}' needs a key, a value of 0 or more, a source title and a source URL.");
            }

            DateOnly? asPublishedOn = null;
            if (r.AsPublishedOn is not null)
            {
                if (!DateOnly.TryParseExact(r.AsPublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new InvalidDataException($"{name}: rate '{r.Key}' has asPublishedOn '{r.AsPublishedOn}', which is not a yyyy-MM-dd date.");
                }

                asPublishedOn = date;
            }

            if (!rates.TryAdd(r.Key, new Rate(r.Key, r.Value.Value, r.Unit ?? "", r.Description ?? r.Key, r.SourceTitle, r.SourceUrl!, r.Confirmed ?? false, asPublishedOn)))
            {
                throw new InvalidDataException($"{name}: rate '{r.Key}' appears twice.");
            }
        }

        var missing = RequiredKeys.Where(k => !rates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{name}: missing rates {string.Join(", ", missing)}.");
        }

        return new RateTable(file.TaxYear, startsOn, endsOn, rates);
    }

    private sealed record RateFile(string? TaxYear, string? StartsOn, string? EndsOn, List<RateRow>? Rates);

    private sealed record RateRow(
        string? Key, decimal? Value, string? Unit, string? Description, string? SourceTitle, string? SourceUrl, bool? Confirmed, string? AsPublishedOn);
}
