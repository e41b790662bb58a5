using System.Text.RegularExpressions;
using FluentValidation;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>What a key worker records about a person: the registration form, the edit form and the API share it.</summary>
public sealed record ParticipantDetails
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? PreferredName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? NationalInsuranceNumber { get; init; }
    public string? Postcode { get; init; }
    public string? AddressLine { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public ContactMethod? PreferredContact { get; init; }
    public EmploymentStatus? EmploymentStatusAtStart { get; init; }
    public IReadOnlyList<Benefit> BenefitsAtStart { get; init; } = [];

    /// <summary>SCQF level 0–12; null for none or not known.</summary>
    public int? HighestScqfLevel { get; init; }

    public EqualityMonitoring Equality { get; init; } = new();
    public LifeCircumstances Circumstances { get; init; } = new();

    public static ParticipantDetails From(Participant p) => new()
    {
        GivenName = p.GivenName,
        FamilyName = p.FamilyName,
        PreferredName = p.PreferredName,
        DateOfBirth = p.DateOfBirth,
        NationalInsuranceNumber = p.NationalInsuranceNumber,
        Postcode = p.Postcode,
        AddressLine = p.AddressLine,
        Email = p.Email,
        Phone = p.Phone,
        PreferredContact = p.PreferredContact,
        EmploymentStatusAtStart = p.EmploymentStatusAtStart,
        BenefitsAtStart = p.BenefitsAtStart.ToList(),
        HighestScqfLevel = p.HighestScqfLevel,
        Equality = p.Equality,
        Circumstances = p.Circumstances,
    };

    /// <summary>Copies the details onto the record, tidied (names trimmed, postcode and NI number upper-cased).</summary>
    public void ApplyTo(Participant p)
    {
        p.GivenName = GivenName!.Trim();
        p.FamilyName = FamilyName!.Trim();
        p.PreferredName = Tidy(PreferredName);
        p.DateOfBirth = DateOfBirth!.Value;
        p.NationalInsuranceNumber = ParticipantFormats.NormaliseNationalInsuranceNumber(NationalInsuranceNumber);
        p.Postcode = ParticipantFormats.NormalisePostcode(Postcode);
        p.AddressLine = Tidy(AddressLine);
        p.Email = Tidy(Email);
        p.Phone = Tidy(Phone);
        p.PreferredContact = PreferredContact!.Value;
        p.EmploymentStatusAtStart = EmploymentStatusAtStart!.Value;
        p.BenefitsAtStart = BenefitsAtStart.Distinct().ToList();
        p.HighestScqfLevel = HighestScqfLevel;
        p.Equality = Equality;
        p.Circumstances = Circumstances;
    }

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static partial class ParticipantFormats
{
    public static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    public static string? NormaliseNationalInsuranceNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsPostcode(string value) => Postcode().IsMatch(NormalisePostcode(value)!);

    public static bool IsNationalInsuranceNumber(string value) => NationalInsurance().IsMatch(NormaliseNationalInsuranceNumber(value)!);

    // UK postcode shape (outward code, space, inward code), e.g. G1 1XQ, EH12 9DN.
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")]
    private static partial Regex Postcode();

    // HMRC format: two prefix letters (not D, F, I, Q, U or V; second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D.
    [GeneratedRegex("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$")]
    private static partial Regex NationalInsurance();
}

public sealed class ParticipantDetailsValidator : AbstractValidator<ParticipantDetails>
{
    public ParticipantDetailsValidator(DateOnly today)
    {
        RuleFor(p => p.GivenName).NotEmpty().WithMessage("Enter the person's first name")
            .MaximumLength(100).WithMessage("First name must be 100 characters or fewer");
        RuleFor(p => p.FamilyName).NotEmpty().WithMessage("Enter the person's last name")
            .MaximumLength(100).WithMessage("Last name must be 100 characters or fewer");
        RuleFor(p => p.PreferredName).MaximumLength(100).WithMessage("Preferred name must be 100 characters or fewer");
        // Separate rules: a When() on a chain also switches off the NotNull before it.
        RuleFor(p => p.DateOfBirth).NotNull().WithMessage("Enter the person's date of birth");
        RuleFor(p => p.DateOfBirth!.Value).Cascade(CascadeMode.Stop)
            .Must(d => d <= today.AddYears(-14)).WithMessage("The person must be at least 14 years old. Check the date of birth")
            .Must(d => d >= today.AddYears(-100)).WithMessage("Check the date of birth: it is more than 100 years ago")
            .OverridePropertyName(nameof(ParticipantDetails.DateOfBirth))
            .When(p => p.DateOfBirth is not null);
        RuleFor(p => p.NationalInsuranceNumber!).Must(ParticipantFormats.IsNationalInsuranceNumber)
            .When(p => !string.IsNullOrWhiteSpace(p.NationalInsuranceNumber))
            .WithMessage("Enter a National Insurance number in the right format, like QQ 12 34 56 C");
        RuleFor(p => p.Postcode!).Must(ParticipantFormats.IsPostcode)
            .When(p => !string.IsNullOrWhiteSpace(p.Postcode))
            .WithMessage("Enter a real postcode, like G1 1XQ");
        RuleFor(p => p.AddressLine).MaximumLength(300).WithMessage("Address must be 300 characters or fewer");
        RuleFor(p => p.Email).EmailAddress().When(p => !string.IsNullOrWhiteSpace(p.Email))
            .WithMessage("Enter an email address in the right format, like name@example.org")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(p => p.Phone).Matches("^[0-9 +()-]{7,30}$").When(p => !string.IsNullOrWhiteSpace(p.Phone))
            .WithMessage("Enter a phone number using digits, like 0141 496 0000");
        RuleFor(p => p.PreferredContact).NotNull().WithMessage("Choose how the person wants to be contacted").IsInEnum()
            .WithMessage("Choose how the person wants to be contacted");
        RuleFor(p => p.Email).NotEmpty().When(p => p.PreferredContact == ContactMethod.Email)
            .WithMessage("Enter an email address, or choose another way to contact the person");
        RuleFor(p => p.Phone).NotEmpty().When(p => p.PreferredContact is ContactMethod.Phone or ContactMethod.Text)
            .WithMessage("Enter a phone number, or choose another way to contact the person");
        RuleFor(p => p.EmploymentStatusAtStart).NotNull().WithMessage("Choose the person's employment status when they started")
            .IsInEnum().WithMessage("Choose the person's employment status when they started");
        RuleForEach(p => p.BenefitsAtStart).IsInEnum().WithMessage("Choose benefits from the list");
        RuleFor(p => p.HighestScqfLevel).InclusiveBetween(0, 12).When(p => p.HighestScqfLevel is not null)
            .WithMessage("SCQF levels run from 0 to 12; leave it empty for none or not known");
        RuleFor(p => p.Equality.Sex).IsInEnum().WithName("Sex");
        RuleFor(p => p.Equality.TransStatus).IsInEnum().WithName("Trans status");
        RuleFor(p => p.Equality.Ethnicity).IsInEnum().WithName("Ethnicity");
        RuleFor(p => p.Equality.Disabled).IsInEnum().WithName("Disability");
        RuleFor(p => p.Equality.LongTermHealthCondition).IsInEnum().WithName("Long-term health condition");
        RuleFor(p => p.Equality.Religion).IsInEnum().WithName("Religion");
        RuleFor(p => p.Equality.SexualOrientation).IsInEnum().WithName("Sexual orientation");
    }
}
