using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>
/// One entry in the decision log of Section 5.2: the partnership amends, ceases or repurposes provision that is
/// not meeting people's needs, and records why, when, who decided and any money moved between contracts or
/// funding streams. The log is a record, kept as written: an entry is never changed, and a later decision is a new entry.
/// </summary>
public sealed class CommissioningDecision
{
    public const int ReasonLength = 2000;
    public const int DecidedByLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public DecisionKind Kind { get; init; }

    /// <summary>The contract or grant the decision is about, if any (a decision to repurpose may move a stream's money only).</summary>
    public Guid? ContractId { get; init; }
    public required string Reason { get; init; }
    public DateOnly DecidedOn { get; init; }

    /// <summary>Who made the decision, in words: a person, or a board and its meeting.</summary>
    public required string DecidedBy { get; init; }
    public decimal? AmountMoved { get; init; }
    public Guid? FromContractId { get; init; }
    public FundingStream? FromStream { get; init; }
    public Guid? ToContractId { get; init; }
    public FundingStream? ToStream { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }

    public bool Concerns(Guid contractId) => ContractId == contractId || FromContractId == contractId || ToContractId == contractId;

    /// <summary>
    /// Checks a decision and builds it. <paramref name="contractInLep"/> says whether a contract id belongs to the LEP.
    /// Amend and cease are about one contract; repurpose moves money, so it needs an amount, where from and where to.
    /// </summary>
    public static (CommissioningDecision? Decision, IReadOnlyList<(string Field, string Message)> Errors) Record(
        DecisionDetails d, Guid lepId, Func<Guid, bool> contractInLep, Guid recordedBy, DateOnly today, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", "Choose whether the decision amends, ceases or repurposes provision"));
            return (null, errors);
        }

        if (d.ContractId is { } contractId && !contractInLep(contractId))
        {
            errors.Add(("contractId", "Choose a contract or grant of your LEP"));
        }
        else if (d.ContractId is null && kind is DecisionKind.Amend or DecisionKind.Cease)
        {
            errors.Add(("contractId", $"Choose the contract or grant the decision to {kind.ToString().ToLowerInvariant()} is about"));
        }

        if (string.IsNullOrWhiteSpace(d.Reason) || d.Reason.Length > ReasonLength)
        {
            errors.Add(("reason", "Say why the partnership made this decision, in up to 2,000 characters"));
        }

        if (d.DecidedOn is not { } decidedOn)
        {
            errors.Add(("decidedOn", "Enter the date the decision was made"));
        }
        else if (decidedOn > today)
        {
            errors.Add(("decidedOn", "The decision date cannot be in the future. Record a decision once it is made"));
        }

        if (string.IsNullOrWhiteSpace(d.DecidedBy) || d.DecidedBy.Length > DecidedByLength)
        {
            errors.Add(("decidedBy", "Enter who made the decision, such as the LEP board, in up to 200 characters"));
        }

        var movesMoney = d.AmountMoved is not null || d.FromContractId is not null || d.FromStream is not null || d.ToContractId is not null || d.ToStream is not null
            || kind == DecisionKind.Repurpose;
        if (movesMoney)
        {
            if (d.AmountMoved is not { } amount || amount <= 0 || amount > FundingAllocation.MaxAmount || decimal.Round(amount, 2) != amount)
            {
                errors.Add(("amountMoved", "Enter the money moved in pounds, more than 0, with no more than 2 decimal places"));
            }

            CheckEnd(errors, "from", d.FromContractId, d.FromStream, contractInLep);
            CheckEnd(errors, "to", d.ToContractId, d.ToStream, contractInLep);
            if (d.FromContractId is not null && d.FromContractId == d.ToContractId && d.FromStream == d.ToStream)
            {
                errors.Add(("toContractId", "The money must move somewhere else: choose a different contract or stream to move it to"));
            }
            else if (d.FromContractId is null && d.ToContractId is null && d.FromStream is not null && d.FromStream == d.ToStream)
            {
                errors.Add(("toStream", "The money must move somewhere else: choose a different funding stream to move it to"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new CommissioningDecision
        {
            LepId = lepId,
            Kind = kind,
            ContractId = d.ContractId,
            Reason = d.Reason!.Trim(),
            DecidedOn = d.DecidedOn!.Value,
            DecidedBy = d.DecidedBy!.Trim(),
            AmountMoved = movesMoney ? d.AmountMoved : null,
            FromContractId = movesMoney ? d.FromContractId : null,
            FromStream = movesMoney ? d.FromStream : null,
            ToContractId = movesMoney ? d.ToContractId : null,
            ToStream = movesMoney ? d.ToStream : null,
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        }, []);
    }

    private static void CheckEnd(List<(string, string)> errors, string end, Guid? contractId, FundingStream? stream, Func<Guid, bool> contractInLep)
    {
        if (contractId is { } id && !contractInLep(id))
        {
            errors.Add(($"{end}ContractId", "Choose a contract or grant of your LEP"));
        }
        else if (contractId is null && stream is null)
        {
            errors.Add(($"{end}ContractId", $"Choose the contract or the funding stream the money moves {end}"));
        }
        else if (stream is { } s && !Enum.IsDefined(s))
        {
            errors.Add(($"{end}Stream", "Choose a funding stream from the list"));
        }
    }
}

public sealed record DecisionDetails(
    DecisionKind? Kind, Guid? ContractId, string? Reason, DateOnly? DecidedOn, string? DecidedBy,
    decimal? AmountMoved, Guid? FromContractId, FundingStream? FromStream, Guid? ToContractId, FundingStream? ToStream);

public enum DecisionKind
{
    Amend,
    Cease,
    Repurpose,
}
