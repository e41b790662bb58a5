using System.Globalization;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Domain.Outcomes;

/// <summary>
/// Something a person moved on to during an engagement: a job, self-employment, education, training or
/// volunteering. A job or self-employment carries its sustainment checks, due 13, 26 and 52 weeks after it started.
/// </summary>
public sealed class Outcome : IVersioned
{
    public const int MaxTextLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }

    /// <summary>The LEP of the engagement, kept on the row for tenancy and the due lists.</summary>
    public Guid LepId { get; init; }
    public OutcomeKind Kind { get; init; }
    public DateOnly StartDate { get; set; }
    public Guid? EmployerId { get; set; }
    public Employer? Employer { get; set; }

    /// <summary>The employer's name when it is not on Nolb's employer list, or the provider for education and training.</summary>
    public string? OrganisationName { get; set; }
    public string? JobTitle { get; set; }
    public string? SocCode { get; set; }
    public decimal? HoursPerWeek { get; set; }
    public decimal? HourlyPay { get; set; }
    public ContractType? Contract { get; set; }
    public int? ContractMonths { get; set; }
    public string? Description { get; set; }
    public DateOnly? AftercareEndsOn { get; set; }
    public List<SustainmentCheck> Checks { get; init; } = [];
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsWork => Kind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment;

    /// <summary>Checks an outcome's details and builds it, with its three sustainment checks when it is work.</summary>
    public static (Outcome? Outcome, IReadOnlyList<(string Field, string Message)> Errors) Record(
        OutcomeDetails d, Guid engagementId, Guid lepId, DateOnly engagementStart, bool employerKnown,
        Guid recordedBy, DateOnly today, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", "Choose what the person moved on to: a job, self-employment, education, training or volunteering"));
            return (null, errors);
        }

        if (d.StartDate is not { } start)
        {
            errors.Add(("startDate", "Enter the date it started"));
        }
        else if (start < engagementStart)
        {
            errors.Add(("startDate", $"The start date cannot be before the engagement started ({engagementStart.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})"));
        }
        else if (start > today)
        {
            errors.Add(("startDate", "The start date cannot be in the future. Record the outcome on or after the day it starts"));
        }

        var isWork = kind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment;
        if (kind == OutcomeKind.JobEntry)
        {
            if (d.EmployerId is null && string.IsNullOrWhiteSpace(d.OrganisationName))
            {
                errors.Add(("employerId", "Choose the employer, or type its name if it is not on the list"));
            }
            else if (d.EmployerId is not null && !employerKnown)
            {
                errors.Add(("employerId", "Choose an employer from your LEP's list"));
            }

            if (d.Contract is not { } contract || !Enum.IsDefined(contract) || contract == ContractType.SelfEmployed)
            {
                errors.Add(("contract", "Choose the contract: permanent, fixed term or zero hours"));
            }
            else if (contract == ContractType.FixedTerm && d.ContractMonths is not (>= 1 and <= 120))
            {
                errors.Add(("contractMonths", "Enter the length of the fixed-term contract in months, from 1 to 120"));
            }
        }

        if (isWork)
        {
            if (string.IsNullOrWhiteSpace(d.JobTitle))
            {
                errors.Add(("jobTitle", "Enter the job title"));
            }

            if (!Occupations.IsValidCode(d.SocCode))
            {
                errors.Add(("socCode", "Enter the SOC 2020 occupation as four digits, like 6135 for care workers and home carers"));
            }

            if (d.HoursPerWeek is not (> 0 and <= 100))
            {
                errors.Add(("hoursPerWeek", "Enter the hours a week, more than 0 and no more than 100"));
            }

            if (kind == OutcomeKind.JobEntry && d.HourlyPay is not (> 0 and <= 1000))
            {
                errors.Add(("hourlyPay", "Enter the hourly pay in pounds, like 12.60"));
            }
        }
        else if (string.IsNullOrWhiteSpace(d.OrganisationName) && string.IsNullOrWhiteSpace(d.Description))
        {
            errors.Add(("organisationName", "Enter the college, training provider or organisation, or describe what the person started"));
        }

        if (d.Description?.Length > MaxTextLength || d.OrganisationName?.Length > 200 || d.JobTitle?.Length > 200)
        {
            errors.Add(("description", "Keep the description to 1,000 characters and names and titles to 200"));
        }

        if (d.AftercareEndsOn is { } ends && d.StartDate is { } began && ends < began)
        {
            errors.Add(("aftercareEndsOn", "Aftercare cannot end before the job started"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var outcome = new Outcome
        {
            EngagementId = engagementId,
            LepId = lepId,
            Kind = kind,
            StartDate = d.StartDate!.Value,
            EmployerId = kind == OutcomeKind.JobEntry ? d.EmployerId : null,
            OrganisationName = Clean(d.OrganisationName),
            JobTitle = isWork ? Clean(d.JobTitle) : null,
            SocCode = isWork ? d.SocCode!.Trim() : null,
            HoursPerWeek = isWork ? d.HoursPerWeek : null,
            HourlyPay = kind == OutcomeKind.JobEntry ? d.HourlyPay : null,
            Contract = kind == OutcomeKind.JobEntry ? d.Contract : isWork ? ContractType.SelfEmployed : null,
            ContractMonths = kind == OutcomeKind.JobEntry && d.Contract == ContractType.FixedTerm ? d.ContractMonths : null,
            Description = Clean(d.Description),
            AftercareEndsOn = isWork ? d.AftercareEndsOn ?? Sustainment.DueDate(d.StartDate!.Value, SustainmentPoint.Weeks52) : null,
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        };
        if (isWork)
        {
            foreach (var point in Enum.GetValues<SustainmentPoint>())
            {
                outcome.Checks.Add(new SustainmentCheck { OutcomeId = outcome.Id, LepId = lepId, Point = point, DueDate = Sustainment.DueDate(outcome.StartDate, point) });
            }
        }

        return (outcome, []);
    }

    /// <summary>
    /// Corrects a recorded outcome by the same rules as <see cref="Record"/>; what it is (a job, education…) stays.
    /// A changed start date re-dates the sustainment checks, unless one is already recorded against the old date.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Change(OutcomeDetails d, DateOnly engagementStart, bool employerKnown, DateOnly today)
    {
        var (corrected, errors) = Record(d with { Kind = Kind }, EngagementId, LepId, engagementStart, employerKnown, RecordedByUserId, today, RecordedAt);
        if (corrected is null)
        {
            return errors;
        }

        if (corrected.StartDate != StartDate && Checks.Any(c => c.Result is not null || c.NotNeeded))
        {
            return [("startDate", "A sustainment check is already recorded against this start date, so it cannot change. If the person started another job, record a new outcome")];
        }

        if (corrected.StartDate != StartDate)
        {
            Checks.Clear();
            foreach (var point in Enum.GetValues<SustainmentPoint>())
            {
                Checks.Add(new SustainmentCheck { OutcomeId = Id, LepId = LepId, Point = point, DueDate = Sustainment.DueDate(corrected.StartDate, point) });
            }
        }

        StartDate = corrected.StartDate;
        EmployerId = corrected.EmployerId;
        OrganisationName = corrected.OrganisationName;
        JobTitle = corrected.JobTitle;
        SocCode = corrected.SocCode;
        HoursPerWeek = corrected.HoursPerWeek;
        HourlyPay = corrected.HourlyPay;
        Contract = corrected.Contract;
        ContractMonths = corrected.ContractMonths;
        Description = corrected.Description;
        AftercareEndsOn = corrected.AftercareEndsOn;
        return [];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a user enters for an outcome, before it is checked.</summary>
public sealed record OutcomeDetails(
    OutcomeKind? Kind, DateOnly? StartDate, Guid? EmployerId, string? OrganisationName, string? JobTitle, string? SocCode,
    decimal? HoursPerWeek, decimal? HourlyPay, ContractType? Contract, int? ContractMonths, string? Description, DateOnly? AftercareEndsOn);

public enum OutcomeKind
{
    JobEntry,
    SelfEmployment,
    Education,
    Training,
    Volunteering,
}

/// <summary>
/// A check that a job is still held at a sustainment point. Due from the job start; recorded once, as
/// sustained, not sustained or unable to contact, with the evidence. After "not sustained" the later
/// checks for the job are no longer needed and leave the due lists.
/// </summary>
public sealed class SustainmentCheck : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid OutcomeId { get; init; }
    public Guid LepId { get; init; }
    public SustainmentPoint Point { get; init; }
    public DateOnly DueDate { get; init; }
    public SustainmentResult? Result { get; private set; }
    public SustainmentEvidence? Evidence { get; private set; }
    public DateOnly? CheckedOn { get; private set; }
    public string? Notes { get; private set; }
    public bool NotNeeded { get; set; }
    public Guid? RecordedByUserId { get; private set; }
    public DateTime? RecordedAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOutstanding => Result is null && !NotNeeded;

    public bool IsOverdueOn(DateOnly today) => IsOutstanding && DueDate < today;

    public IReadOnlyList<(string Field, string Message)> Record(
        SustainmentResult? result, SustainmentEvidence? evidence, DateOnly? checkedOn, string? notes, DateOnly jobStart,
        Guid recordedBy, DateOnly today, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (Result is not null || NotNeeded)
        {
            errors.Add(("result", "This check is already recorded"));
            return errors;
        }

        if (result is null || !Enum.IsDefined(result.Value))
        {
            errors.Add(("result", "Choose sustained, not sustained or unable to contact"));
        }

        if (evidence is null || !Enum.IsDefined(evidence.Value))
        {
            errors.Add(("evidence", "Choose the evidence: how you know"));
        }
        else if (result == SustainmentResult.UnableToContact && evidence != SustainmentEvidence.ContactAttempts)
        {
            errors.Add(("evidence", "When you could not make contact, the evidence is the contact attempts: record them in the notes"));
        }
        else if (result is SustainmentResult.Sustained or SustainmentResult.NotSustained && evidence == SustainmentEvidence.ContactAttempts)
        {
            errors.Add(("evidence", "Contact attempts only show you could not make contact. Choose how you know whether the person is still in work"));
        }

        if (checkedOn is null)
        {
            errors.Add(("checkedOn", "Enter the date of the check"));
        }
        else if (checkedOn > today)
        {
            errors.Add(("checkedOn", "The date of the check cannot be in the future"));
        }
        else if (checkedOn < jobStart)
        {
            errors.Add(("checkedOn", "The date of the check cannot be before the job started"));
        }

        if (notes?.Length > Outcome.MaxTextLength)
        {
            errors.Add(("notes", "Keep the notes to 1,000 characters"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Result = result;
        Evidence = evidence;
        CheckedOn = checkedOn;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        RecordedByUserId = recordedBy;
        RecordedAt = now;
        return errors;
    }
}

public enum SustainmentPoint
{
    Weeks13 = 13,
    Weeks26 = 26,
    Weeks52 = 52,
}

public enum SustainmentResult
{
    Sustained,
    NotSustained,
    UnableToContact,
}

public enum SustainmentEvidence
{
    Payslip,
    EmployerConfirmation,
    ParticipantConfirmation,
    ContactAttempts,
    Other,
}

public static class Sustainment
{
    /// <summary>
    /// Due exactly 13, 26 or 52 weeks after the job started, counted in days, so a start on 29 February or at
    /// a month's end has a plain answer (29 Feb 2028 + 13 weeks = 30 May 2028) and the day of the week is kept.
    /// </summary>
    public static DateOnly DueDate(DateOnly jobStart, SustainmentPoint point) => jobStart.AddDays(7 * (int)point);

    /// <summary>How far ahead the due lists look.</summary>
    public const int DueSoonDays = 28;
}

/// <summary>A contact while the person is in work: what came up, what was done, and when.</summary>
public sealed class AftercareContact
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public Guid LepId { get; init; }
    public DateOnly Date { get; init; }
    public Participants.ContactMethod Method { get; init; }
    public List<AftercareIssue> Issues { get; init; } = [];
    public string? Notes { get; init; }
    public string? Actions { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
}

public enum AftercareIssue
{
    Transport,
    Childcare,
    WorkplaceAdjustment,
    InWorkProgression,
    PayRise,
    MoneyAndBenefits,
    HealthAndWellbeing,
    RelationshipsAtWork,
    Other,
}
