using System.Globalization;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>
/// A grant or contract an LEP gives a delivery partner for a period: the funding stream it is paid from, the
/// target group, the budget, the starts and job outcomes expected, the quarterly profile of starts, outcomes and
/// spend, and the spend recorded each quarter. What was actually delivered is worked out from case data
/// (see <see cref="ContractActuals"/>), never typed in.
/// </summary>
public sealed class DeliveryContract : IVersioned
{
    public const int TitleLength = 200;
    public const int TextLength = 2000;
    public const decimal MaxBudget = 1_000_000_000m;
    public const int MaxVolume = 1_000_000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public string Title { get; private set; } = "";
    public ContractKind Kind { get; private set; }
    public Guid PartnerOrganisationId { get; private set; }
    public Organisation? PartnerOrganisation { get; set; }
    public FundingStream FundingStream { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public TargetGroup TargetGroup { get; private set; }
    public string? Description { get; private set; }
    public decimal Budget { get; private set; }
    public int ExpectedStarts { get; private set; }
    public int ExpectedJobOutcomes { get; private set; }

    /// <summary>The directory services the contract pays for; when there are any, only referrals to them count towards the actuals.</summary>
    public List<Guid> ServiceIds { get; private set; } = [];

    /// <summary>The Annex 2 row (Service Delivery Requirement) of one of the LEP's delivery plans this contract delivers, if linked.</summary>
    public Guid? ServiceDeliveryRequirementId { get; private set; }

    /// <summary>The day a decision to cease provision ended the contract early; the end date is then no later than this.</summary>
    public DateOnly? CeasedOn { get; private set; }

    public List<ContractQuarter> Profile { get; init; } = [];
    public List<ContractSpend> Spend { get; init; } = [];
    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<FinancialQuarter> Quarters => FinancialQuarter.Covering(StartDate, EndDate);

    public decimal SpendRecorded => Spend.Sum(s => s.Amount);

    public bool Covers(DateOnly date) => date >= StartDate && date <= EndDate;

    public ContractStatus StatusOn(DateOnly today) =>
        CeasedOn is not null ? ContractStatus.Ceased
        : today < StartDate ? ContractStatus.NotStarted
        : today > EndDate ? ContractStatus.Ended
        : ContractStatus.Running;

    /// <summary>
    /// Checks the terms and, when they are valid, applies them. <paramref name="partnerKnown"/> and <paramref name="servicesOfPartner"/>
    /// say whether the partner is an organisation the LEP can contract and whether the services are that partner's;
    /// <paramref name="requirementKnown"/> whether the Annex 2 row, if one is named, is in one of the LEP's own delivery plans.
    /// The new period must still hold every quarter with a profile or spend, and the budget must cover the spend already recorded.
    /// A ceased contract cannot be given an end date after the day it ceased.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Apply(ContractTerms t, bool partnerKnown, bool servicesOfPartner, bool requirementKnown)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(t.Title) || t.Title.Trim().Length > TitleLength)
        {
            errors.Add(("title", "Enter a name for the contract or grant, up to 200 characters"));
        }

        if (t.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", "Choose whether this is a grant or a contract"));
        }

        if (t.PartnerOrganisationId is null || !partnerKnown)
        {
            errors.Add(("partnerOrganisationId", "Choose the delivery partner from your partnership's organisations"));
        }
        else if (!servicesOfPartner)
        {
            errors.Add(("serviceIds", "Choose only services the delivery partner runs"));
        }

        if (t.FundingStream is not { } stream || !Enum.IsDefined(stream))
        {
            errors.Add(("fundingStream", "Choose the funding stream that pays for it"));
        }

        if (t.TargetGroup is not { } group || !Enum.IsDefined(group))
        {
            errors.Add(("targetGroup", "Choose the target group"));
        }

        if (t.StartDate is not { } start)
        {
            errors.Add(("startDate", "Enter the date the contract starts"));
        }
        else if (t.EndDate is not { } end)
        {
            errors.Add(("endDate", "Enter the date the contract ends"));
        }
        else if (end < start)
        {
            errors.Add(("endDate", "The end date must be on or after the start date"));
        }
        else if (end > start.AddYears(10))
        {
            errors.Add(("endDate", "A contract can last up to 10 years. Enter an earlier end date"));
        }
        else if (CeasedOn is { } ceased && end > ceased)
        {
            errors.Add(("endDate", $"The contract ceased on {ceased.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} by a decision of the partnership, so it cannot end later than that"));
        }
        else
        {
            var outside = Profile.Where(p => p.Starts + p.JobOutcomes > 0 || p.Spend > 0).Select(p => p.Quarter)
                .Concat(Spend.Select(s => s.Quarter))
                .Where(q => q.End < start || q.Start > end).Distinct().OrderBy(q => q).ToList();
            if (outside.Count > 0)
            {
                errors.Add(("endDate", $"{string.Join(", ", outside.Select(q => q.Label))} would fall outside the new period, but has a profile or spend. Change the profile first, or keep the period"));
            }
        }

        if (t.Description?.Length > TextLength)
        {
            errors.Add(("description", "Keep the description to 2,000 characters"));
        }

        if (t.ServiceDeliveryRequirementId is not null && !requirementKnown)
        {
            errors.Add(("serviceDeliveryRequirementId", "Choose the Annex 2 row from one of your LEP's delivery plans, or none"));
        }

        if (t.Budget is not { } budget || budget <= 0 || budget > MaxBudget || decimal.Round(budget, 2) != budget)
        {
            errors.Add(("budget", "Enter the budget in pounds, more than 0, with no more than 2 decimal places"));
        }
        else if (budget < SpendRecorded)
        {
            errors.Add(("budget", string.Create(CultureInfo.InvariantCulture, $"Spend of {Money(SpendRecorded)} is already recorded, so the budget cannot be less than that")));
        }

        if (t.ExpectedStarts is not (>= 0 and <= MaxVolume))
        {
            errors.Add(("expectedStarts", "Enter the number of starts expected, a whole number from 0"));
        }

        if (t.ExpectedJobOutcomes is not (>= 0 and <= MaxVolume))
        {
            errors.Add(("expectedJobOutcomes", "Enter the number of job outcomes expected, a whole number from 0"));
        }
        else if (t.ExpectedStarts is { } starts && t.ExpectedJobOutcomes > starts)
        {
            errors.Add(("expectedJobOutcomes", "The job outcomes expected cannot be more than the starts expected: each outcome is a person who started"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Title = t.Title!.Trim();
        Kind = t.Kind!.Value;
        PartnerOrganisationId = t.PartnerOrganisationId!.Value;
        FundingStream = t.FundingStream!.Value;
        TargetGroup = t.TargetGroup!.Value;
        StartDate = t.StartDate!.Value;
        EndDate = t.EndDate!.Value;
        Description = string.IsNullOrWhiteSpace(t.Description) ? null : t.Description.Trim();
        Budget = t.Budget!.Value;
        ExpectedStarts = t.ExpectedStarts!.Value;
        ExpectedJobOutcomes = t.ExpectedJobOutcomes!.Value;
        ServiceIds = (t.ServiceIds ?? []).Distinct().ToList();
        ServiceDeliveryRequirementId = t.ServiceDeliveryRequirementId;
        Profile.RemoveAll(p => p.Quarter.End < StartDate || p.Quarter.Start > EndDate);
        return [];
    }

    /// <summary>
    /// Replaces the quarterly profile. Every quarter must be in the contract's period; the starts and job outcomes must add
    /// up to those expected, and the spend to no more than the budget. Returns the rows that are new, for the caller to add.
    /// </summary>
    public (IReadOnlyList<ContractQuarter> Added, IReadOnlyList<(string Field, string Message)> Errors) SetProfile(IReadOnlyList<ProfileLine> lines)
    {
        var errors = new List<(string, string)>();
        var quarters = Quarters;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var q = line.Quarter;
            if (!quarters.Contains(q))
            {
                errors.Add(($"profile[{i}]", $"{(q.IsValid ? q.Label : "That quarter")} is not in the contract's period ({quarters[0].Label} to {quarters[^1].Label})"));
                continue;
            }

            if (lines.Take(i).Any(l => l.Quarter == q))
            {
                errors.Add(($"profile[{i}]", $"{q.Label} is given twice. Give each quarter once"));
            }

            if (line.Starts is not (>= 0 and <= MaxVolume))
            {
                errors.Add(($"profile[{i}].starts", $"Enter the starts profiled for {q.Label}, a whole number from 0"));
            }

            if (line.JobOutcomes is not (>= 0 and <= MaxVolume))
            {
                errors.Add(($"profile[{i}].jobOutcomes", $"Enter the job outcomes profiled for {q.Label}, a whole number from 0"));
            }

            if (line.Spend is not { } spend || spend < 0 || spend > MaxBudget || decimal.Round(spend, 2) != spend)
            {
                errors.Add(($"profile[{i}].spend", $"Enter the spend profiled for {q.Label} in pounds, from 0, with no more than 2 decimal places"));
            }
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var starts = lines.Sum(l => l.Starts!.Value);
        var outcomes = lines.Sum(l => l.JobOutcomes!.Value);
        var spendTotal = lines.Sum(l => l.Spend!.Value);
        var inv = CultureInfo.InvariantCulture;
        if (starts != ExpectedStarts)
        {
            errors.Add(("profile", string.Create(inv, $"The profiled starts add up to {starts}, but the contract expects {ExpectedStarts}. Make them add up to {ExpectedStarts}")));
        }

        if (outcomes != ExpectedJobOutcomes)
        {
            errors.Add(("profile", string.Create(inv, $"The profiled job outcomes add up to {outcomes}, but the contract expects {ExpectedJobOutcomes}. Make them add up to {ExpectedJobOutcomes}")));
        }

        if (spendTotal > Budget)
        {
            errors.Add(("profile", $"The profiled spend adds up to {Money(spendTotal)}, more than the budget of {Money(Budget)}. Reduce it to the budget or less"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var added = new List<ContractQuarter>();
        foreach (var line in lines)
        {
            var row = Profile.SingleOrDefault(p => p.Quarter == line.Quarter);
            if (row is null)
            {
                row = new ContractQuarter { ContractId = Id, FinancialYear = line.Quarter.Year, QuarterNumber = line.Quarter.Number };
                Profile.Add(row);
                added.Add(row);
            }

            row.Starts = line.Starts!.Value;
            row.JobOutcomes = line.JobOutcomes!.Value;
            row.Spend = line.Spend!.Value;
        }

        foreach (var row in Profile.Where(p => !lines.Any(l => l.Quarter == p.Quarter)))
        {
            row.Starts = 0;
            row.JobOutcomes = 0;
            row.Spend = 0;
        }

        return (added, []);
    }

    /// <summary>
    /// Records what was spent in a quarter (a claim paid), replacing any amount recorded for that quarter before. The quarter
    /// must be in the period and have begun, and the spend on the contract may not go over its budget.
    /// Returns the new row, or null when an earlier one was changed.
    /// </summary>
    public (ContractSpend? Added, IReadOnlyList<(string Field, string Message)> Errors) RecordSpend(
        FinancialQuarter quarter, decimal? amount, string? note, Guid by, DateOnly today, DateTime now)
    {
        if (!Quarters.Contains(quarter))
        {
            return (null, [("quarter", $"Choose a quarter in the contract's period ({Quarters[0].Label} to {Quarters[^1].Label})")]);
        }

        if (quarter.Start > today)
        {
            return (null, [("quarter", $"{quarter.Label} has not begun yet. Record spend once the quarter has started")]);
        }

        if (amount is not { } value || value < 0 || value > MaxBudget || decimal.Round(value, 2) != value)
        {
            return (null, [("amount", "Enter the amount spent in pounds, from 0, with no more than 2 decimal places")]);
        }

        if (note?.Length > TextLength)
        {
            return (null, [("note", "Keep the note to 2,000 characters")]);
        }

        var existing = Spend.SingleOrDefault(s => s.Quarter == quarter);
        var total = SpendRecorded - (existing?.Amount ?? 0) + value;
        if (total > Budget)
        {
            return (null, [("amount", $"That takes the spend to {Money(total)}, more than the budget of {Money(Budget)}. Record a decision to amend the contract and raise its budget first")]);
        }

        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (existing is not null)
        {
            existing.Change(value, cleanNote, by, now);
            return (null, []);
        }

        var spend = new ContractSpend
        {
            ContractId = Id,
            FinancialYear = quarter.Year,
            QuarterNumber = quarter.Number,
        };
        spend.Change(value, cleanNote, by, now);
        Spend.Add(spend);
        return (spend, []);
    }

    /// <summary>
    /// Ends the contract on a decision to cease provision made on <paramref name="on"/>: the end date comes forward to that day
    /// (one ceased before it started is cut to that one day),
    /// quarters after it drop out of the profile, and when the profile added up to what was expected, the expected starts and
    /// job outcomes become what the remaining quarters profile. Spend already recorded for a later quarter stops it.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Cease(DateOnly on)
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        if (CeasedOn is { } ceased)
        {
            return [("contractId", $"{Title} already ceased on {ceased.ToString("d MMMM yyyy", english)}. Choose another contract or grant")];
        }

        var end = on < EndDate ? on : EndDate;
        var start = end < StartDate ? end : StartDate;
        var spentLater = Spend.Where(s => s.Quarter.Start > end && s.Amount > 0).Select(s => s.Quarter.Label).ToList();
        if (spentLater.Count > 0)
        {
            return [("decidedOn", $"Spend is recorded for {string.Join(", ", spentLater)}, after {on.ToString("d MMMM yyyy", english)}. A contract cannot cease before spend it has paid: check the decision date")];
        }

        var profileAddedUp = Profile.Count > 0 && Profile.Sum(p => p.Starts) == ExpectedStarts && Profile.Sum(p => p.JobOutcomes) == ExpectedJobOutcomes;
        StartDate = start;
        EndDate = end;
        CeasedOn = on;
        Profile.RemoveAll(p => p.Quarter.Start > EndDate || p.Quarter.End < StartDate);
        if (profileAddedUp)
        {
            ExpectedStarts = Profile.Sum(p => p.Starts);
            ExpectedJobOutcomes = Profile.Sum(p => p.JobOutcomes);
        }

        return [];
    }

    /// <summary>
    /// Moves money into (positive) or out of (negative) the budget on a decision to repurpose investment. Money can only leave
    /// what is not yet spent, and never so much that the profiled spend is more than the budget left.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> MoveBudget(decimal change)
    {
        var budget = Budget + change;
        if (change < 0 && budget < SpendRecorded)
        {
            return [("amountMoved", $"That is more than the {Money(Budget - SpendRecorded)} of {Title}'s budget not yet spent. Move no more than that")];
        }

        var profiled = Profile.Sum(p => p.Spend);
        if (change < 0 && budget < profiled)
        {
            return [("amountMoved", $"That leaves {Title} a budget of {Money(budget)}, less than the {Money(profiled)} its profile expects to spend. Lower its profile first, or cease it")];
        }

        if (budget > MaxBudget)
        {
            return [("amountMoved", $"That takes {Title}'s budget over {Money(MaxBudget)}. Move less")];
        }

        Budget = budget;
        return [];
    }

    public static string Money(decimal amount) => amount.ToString("£#,##0.00", CultureInfo.GetCultureInfo("en-GB"));
}

public enum ContractStatus
{
    NotStarted,
    Running,
    Ended,
    Ceased,
}

/// <summary>The terms of a contract as a person or client gives them; checked by <see cref="DeliveryContract.Apply"/>.</summary>
public sealed record ContractTerms(
    string? Title, ContractKind? Kind, Guid? PartnerOrganisationId, FundingStream? FundingStream, TargetGroup? TargetGroup,
    DateOnly? StartDate, DateOnly? EndDate, string? Description, decimal? Budget, int? ExpectedStarts, int? ExpectedJobOutcomes,
    IReadOnlyList<Guid>? ServiceIds, Guid? ServiceDeliveryRequirementId);

/// <summary>One quarter of a profile as given.</summary>
public sealed record ProfileLine(FinancialQuarter Quarter, int? Starts, int? JobOutcomes, decimal? Spend);

/// <summary>What a contract expects in one quarter of its period.</summary>
public sealed class ContractQuarter
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ContractId { get; init; }
    public int FinancialYear { get; init; }
    public int QuarterNumber { get; init; }
    public int Starts { get; set; }
    public int JobOutcomes { get; set; }
    public decimal Spend { get; set; }

    public FinancialQuarter Quarter => new(FinancialYear, QuarterNumber);
}

/// <summary>The money spent on a contract in one quarter, as claimed and paid.</summary>
public sealed class ContractSpend
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ContractId { get; init; }
    public int FinancialYear { get; init; }
    public int QuarterNumber { get; init; }
    public decimal Amount { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public FinancialQuarter Quarter => new(FinancialYear, QuarterNumber);

    internal void Change(decimal amount, string? note, Guid by, DateTime now)
    {
        Amount = amount;
        Note = note;
        RecordedByUserId = by;
        RecordedAt = now;
    }
}

public enum ContractKind
{
    Grant,
    Contract,
}
