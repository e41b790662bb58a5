using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Outcomes;

namespace Nolb.Web.Features.Employers;

/// <summary>The words people see for employer, vacancy, outcome and incentive answers, and money and dates written the same way everywhere.</summary>
public static class EmployerLabels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Money(decimal amount) => amount.ToString("£#,##0.00", English);

    public static string Hours(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    public static IReadOnlyList<SelectListItem> Choices<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(label(v), v.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Sectors() =>
        Enum.GetValues<SicSection>().Select(s => new SelectListItem($"{s}: {s.Title()}", s.ToString())).ToList();

    /// <summary>The employer choices a page put in ViewData["Employers"].</summary>
    public static IEnumerable<SelectListItem> EmployerChoices(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData["Employers"] as IEnumerable<SelectListItem> ?? [];

    public static string Label(this OutcomeKind kind) => kind switch
    {
        OutcomeKind.JobEntry => "Started a job",
        OutcomeKind.SelfEmployment => "Became self-employed",
        OutcomeKind.Education => "Started education",
        OutcomeKind.Training => "Started training",
        OutcomeKind.Volunteering => "Started volunteering",
        _ => kind.ToString(),
    };

    public static string Label(this SustainmentResult result) => result switch
    {
        SustainmentResult.Sustained => "Still in work (sustained)",
        SustainmentResult.NotSustained => "No longer in this work (not sustained)",
        SustainmentResult.UnableToContact => "Unable to contact",
        _ => result.ToString(),
    };

    public static string Label(this SustainmentEvidence evidence) => evidence switch
    {
        SustainmentEvidence.Payslip => "Payslip",
        SustainmentEvidence.EmployerConfirmation => "Confirmed by the employer",
        SustainmentEvidence.ParticipantConfirmation => "Confirmed by the person",
        SustainmentEvidence.ContactAttempts => "Contact attempts (when unable to contact)",
        SustainmentEvidence.Other => "Other",
        _ => evidence.ToString(),
    };

    public static string Label(this AftercareIssue issue) => issue switch
    {
        AftercareIssue.Transport => "Transport",
        AftercareIssue.Childcare => "Childcare",
        AftercareIssue.WorkplaceAdjustment => "Workplace adjustment",
        AftercareIssue.InWorkProgression => "In-work progression",
        AftercareIssue.PayRise => "Pay rise",
        AftercareIssue.MoneyAndBenefits => "Money and benefits",
        AftercareIssue.HealthAndWellbeing => "Health and wellbeing",
        AftercareIssue.RelationshipsAtWork => "Relationships at work",
        AftercareIssue.Other => "Other",
        _ => issue.ToString(),
    };

    public static string Label(this ContractType contract) => contract switch
    {
        ContractType.Permanent => "Permanent",
        ContractType.FixedTerm => "Fixed term",
        ContractType.ZeroHours => "Zero hours",
        ContractType.SelfEmployed => "Self-employed",
        _ => contract.ToString(),
    };

    public static IReadOnlyList<SelectListItem> EmploymentContracts() =>
        [new("Permanent", nameof(ContractType.Permanent)), new("Fixed term", nameof(ContractType.FixedTerm)), new("Zero hours", nameof(ContractType.ZeroHours))];

    public static string Label(this SizeBand size) => size switch
    {
        SizeBand.Micro => "Micro (fewer than 10 employees)",
        SizeBand.Small => "Small (10 to 49)",
        SizeBand.Medium => "Medium (50 to 249)",
        SizeBand.Large => "Large (250 or more)",
        _ => size.ToString(),
    };

    public static string Label(this DisabilityConfidentLevel level) => level switch
    {
        DisabilityConfidentLevel.NotSignedUp => "Not signed up",
        DisabilityConfidentLevel.Committed => "Level 1: Disability Confident Committed",
        DisabilityConfidentLevel.Employer => "Level 2: Disability Confident Employer",
        DisabilityConfidentLevel.Leader => "Level 3: Disability Confident Leader",
        _ => level.ToString(),
    };

    public static string Label(this EmployerActivityKind kind) => kind switch
    {
        EmployerActivityKind.RecruitmentAdvice => "Recruitment advice",
        EmployerActivityKind.JobCarving => "Job carving",
        EmployerActivityKind.HealthAndSafetyRiskAssessment => "Health and safety or risk assessment support",
        EmployerActivityKind.Event => "Event",
        EmployerActivityKind.Visit => "Visit or meeting",
        EmployerActivityKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Label(this PlacementKind kind) => kind switch
    {
        PlacementKind.WorkExperience => "Work experience",
        PlacementKind.JobTaster => "Job taster",
        PlacementKind.Volunteering => "Volunteering",
        PlacementKind.SupportedEmploymentIps => "Supported employment or Individual Placement and Support (IPS)",
        PlacementKind.IntermediateLabourMarket => "Intermediate Labour Market job",
        _ => kind.ToString(),
    };

    public static string Label(this PlacementOutcome outcome) => outcome switch
    {
        PlacementOutcome.Ongoing => "Ongoing",
        PlacementOutcome.Completed => "Completed",
        PlacementOutcome.LeftEarly => "Left early",
        PlacementOutcome.LedToJob => "Led to a job",
        _ => outcome.ToString(),
    };

    public static string Label(this IncentiveStatus status) => status switch
    {
        IncentiveStatus.Submitted => "Waiting for a decision",
        IncentiveStatus.Approved => "Approved",
        IncentiveStatus.Rejected => "Rejected",
        IncentiveStatus.PartPaid => "Approved, partly paid",
        IncentiveStatus.Paid => "Paid in full",
        _ => status.ToString(),
    };

    public static string Label(this PaymentPoint point) => point == PaymentPoint.Start ? "At the start" : $"After {(int)point} weeks";

    public static string Label(this TravelBand band) => band switch
    {
        TravelBand.SameDistrict => "Only in their postcode district (for example G31)",
        TravelBand.SameArea => "Within their postcode area (for example anywhere in G)",
        TravelBand.Anywhere => "Anywhere",
        _ => band.ToString(),
    };

    public static IReadOnlyList<SelectListItem> Days() =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(d => new SelectListItem(d.ToString(), d.ToString())).ToList();
}
