using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.BetterOffInWork;

/// <summary>
/// The Better Off In Work form and its result (now against in work, line by line), printable and as a PDF.
/// Opened from a participant's record with <c>?participantId=</c>, it fills in their age (an audited read).
/// </summary>
[Authorize(Policy = Permissions.BetterOff.Calculate)]
public sealed class IndexModel(
    RateTableCatalog catalog, ParticipantRecords records, TimeProvider clock, Data.NolbDbContext db, Interventions.InterventionCommands interventions) : PageModel
{
    public const int ChildRows = 6;

    [BindProperty]
    public FormInput Input { get; set; } = FormInput.Blank();

    public BetterOffResult? Result { get; private set; }

    public string? ParticipantName { get; private set; }

    public IReadOnlyList<SelectListItem> TaxYears => catalog.TaxYears.Select(y => new SelectListItem(y, y)).ToList();

    public static IReadOnlyList<SelectListItem> HouseholdChoices { get; } =
        [new("Single (one adult)", "single"), new("Couple (two adults on a joint claim)", "couple")];

    public static IReadOnlyList<SelectListItem> OfferChoices { get; } = [new("Adult 1", "0"), new("Adult 2", "1")];

    public static IReadOnlyList<SelectListItem> DisabilityChoices { get; } =
        [new("No disabled child addition", "none"), new("Lower rate", "lower"), new("Higher rate", "higher")];

    public static IReadOnlyList<SelectListItem> LandlordChoices { get; } =
        [new("Council or housing association (social rent)", "social"), new("Private landlord", "private")];

    public static IReadOnlyList<SelectListItem> BrmaChoices { get; } =
        [new("Not a private let", ""), .. Housing.Brmas.OrderBy(b => b.Value, StringComparer.Ordinal).Select(b => new SelectListItem(b.Value, b.Key))];

    public static IReadOnlyList<SelectListItem> CouncilChoices { get; } =
        [new("Leave council tax out", ""), .. Data.ReferenceDataSeeder.CouncilAreas().Select(c => new SelectListItem(c.Name, c.Code))];

    public static IReadOnlyList<SelectListItem> BandChoices { get; } =
        [new("Not known", ""), .. Enum.GetNames<CouncilTaxBand>().Select(b => new SelectListItem(b, b))];

    public static IReadOnlyList<SelectListItem> SexChoices { get; } =
        [new("Not given", ""), new("Female", "female"), new("Male", "male")];

    public static IReadOnlyList<SelectListItem> PensionChoices { get; } =
        [new("Relief at source: paid from pay after tax (most schemes, such as NEST)", "reliefAtSource"), new("Net pay arrangement: taken from pay before tax", "netPay")];

    public static IReadOnlyList<SelectListItem> FrequencyChoices { get; } =
        [new("Monthly", "monthly"), new("Every four weeks", "fourWeekly"), new("Fortnightly", "fortnightly"), new("Weekly", "weekly")];

    public sealed class FormInput
    {
        public string? TaxYear { get; set; }
        public string Household { get; set; } = "single";
        public List<AdultInput> Adults { get; set; } = [];
        public List<ChildInput> Children { get; set; } = [];
        public decimal? MonthlyRent { get; set; }
        public decimal? MonthlyServiceCharges { get; set; }
        public bool OwnerOccupier { get; set; }
        public bool BenefitCapGracePeriod { get; set; }
        public string Landlord { get; set; } = "social";
        public string? Brma { get; set; }
        public bool SharedRateExempt { get; set; }
        public string? CouncilArea { get; set; }
        public string? CouncilTaxBand { get; set; }
        public decimal? AnnualCouncilTax { get; set; }
        public int? ChildcareChildren { get; set; }
        public decimal? TransitionalElement { get; set; }
        public decimal? MonthlyChildcareInWork { get; set; }
        public OfferInput Offer { get; set; } = new();
        public Guid? ParticipantId { get; set; }

        public static FormInput Blank() => new()
        {
            Adults = [new(), new()],
            Children = Enumerable.Range(0, ChildRows).Select(_ => new ChildInput()).ToList(),
        };
    }

    public sealed class AdultInput
    {
        public int? Age { get; set; }
        public decimal? CurrentMonthlyEarnings { get; set; }
        public bool LimitedCapabilityForWorkAndWorkRelatedActivity { get; set; }
        public bool LcwraProtectedRate { get; set; }
        public bool LimitedCapabilityForWork { get; set; }
        public bool Carer { get; set; }
        public bool DisabilityBenefit { get; set; }
    }

    public sealed class ChildInput
    {
        public int? Age { get; set; }
        public bool BornBefore6April2017 { get; set; }
        public string Disability { get; set; } = "none";
        public string? Sex { get; set; }
    }

    public sealed class OfferInput
    {
        public string AdultIndex { get; set; } = "0";
        public decimal? HoursPerWeek { get; set; }
        public decimal? HourlyPay { get; set; }
        public string PayFrequency { get; set; } = "monthly";
        public string PensionScheme { get; set; } = "reliefAtSource";
    }

    public async Task<IActionResult> OnGetAsync(Guid? participantId, CancellationToken ct)
    {
        Input.TaxYear = catalog.Current.TaxYear;
        if (participantId is { } id)
        {
            var participant = await records.ReadAsync(id, ct);
            if (participant is null)
            {
                return NotFound();
            }

            Input.Adults[0].Age = Age.OnDate(participant.DateOfBirth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            Input.ParticipantId = id;
            ParticipantName = participant.DisplayName;
        }

        return Page();
    }

    public IActionResult OnPost()
    {
        Result = Calculate();
        return Page();
    }

    /// <summary>
    /// Saves the result on the person's open engagement as a completed "Better Off In Work calculation"
    /// intervention, with the result's text lines (the PDF's lines; figures only, no personal details) as its notes.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var result = Calculate();
        if (result is null)
        {
            return Page();
        }

        Result = result;
        var engagementId = Input.ParticipantId is { } participantId
            ? await db.Engagements.Where(e => e.ParticipantId == participantId && e.LeftOn == null).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct)
            : null;
        if (engagementId is null)
        {
            ModelState.AddModelError(string.Empty, "To save the result, open this calculator from the record of a person with an open engagement");
            return Page();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var saved = await interventions.RecordByCodeAsync(engagementId.Value, Domain.Interventions.AnnexOneCatalogue.BetterOffInWork, today, null, result.Summary(), ct);
        if (saved.Handle(ModelState) is { } failure)
        {
            return failure;
        }

        if (saved.Outcome != ActivityOutcome.Done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The Better Off In Work calculation is saved on the record as an intervention";
        return RedirectToPage("/Participants/Record", new { id = Input.ParticipantId });
    }

    public IActionResult OnPostPdf()
    {
        var result = Calculate();
        return result is null ? Page() : File(BetterOffPdf.Render(result), "application/pdf", $"better-off-in-work-{result.TaxYear}.pdf");
    }

    private BetterOffResult? Calculate()
    {
        Pad();
        if (!ModelState.IsValid)
        {
            return null;
        }

        var couple = Input.Household == "couple";
        var childRows = Input.Children.Select((c, row) => (c, row)).Where(x => x.c.Age is not null).ToList();
        var request = new BetterOffRequest(
            Input.TaxYear,
            Input.Adults.Take(couple ? 2 : 1).Select(a => (AdultRequest?)new AdultRequest(a.Age, a.LimitedCapabilityForWorkAndWorkRelatedActivity, a.Carer,
                a.CurrentMonthlyEarnings ?? 0, a.LimitedCapabilityForWork, a.LcwraProtectedRate, a.DisabilityBenefit)).ToList(),
            childRows.Select(x => (ChildRequest?)new ChildRequest(x.c.Age, x.c.BornBefore6April2017, x.c.Disability, x.c.Sex)).ToList(),
            Input.MonthlyRent ?? 0, Input.MonthlyServiceCharges ?? 0, Input.OwnerOccupier,
            new OfferRequest(int.TryParse(Input.Offer.AdultIndex, CultureInfo.InvariantCulture, out var index) ? index : -1,
                Input.Offer.HoursPerWeek, Input.Offer.HourlyPay, Input.Offer.PayFrequency, Input.Offer.PensionScheme),
            Input.MonthlyChildcareInWork ?? 0,
            Input.BenefitCapGracePeriod,
            Input.CouncilArea,
            Input.CouncilTaxBand,
            Input.AnnualCouncilTax,
            Input.Landlord,
            Input.Brma,
            Input.SharedRateExempt,
            Input.ChildcareChildren,
            Input.TransitionalElement);

        var (household, rates, errors) = BetterOffValidation.Validate(request, catalog);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(FormField(field, childRows.Select(x => x.row).ToList(), couple), message);
        }

        return household is null || rates is null ? null : BetterOffCalculator.Calculate(household, rates);
    }

    /// <summary>Always two adult rows and six child rows, whatever was posted, so the form redraws whole.</summary>
    private void Pad()
    {
        while (Input.Adults.Count < 2)
        {
            Input.Adults.Add(new AdultInput());
        }

        while (Input.Children.Count < ChildRows)
        {
            Input.Children.Add(new ChildInput());
        }
    }

    /// <summary>The API's field path (adults[1].age, children[0].age, offer.hourlyPay) as this form's field name.</summary>
    private static string FormField(string apiField, List<int> childRows, bool couple)
    {
        if (apiField == "adults")
        {
            return "Input.Household";
        }

        if (apiField == "offer.adultIndex" && !couple)
        {
            return "Input.Household";
        }

        var parts = apiField.Split('.').Select(part =>
        {
            if (part.StartsWith("children[", StringComparison.Ordinal))
            {
                var i = int.Parse(part["children[".Length..^1], CultureInfo.InvariantCulture);
                return $"Children[{(i < childRows.Count ? childRows[i] : i)}]";
            }

            return char.ToUpperInvariant(part[0]) + part[1..];
        });
        return "Input." + string.Join('.', parts);
    }
}
