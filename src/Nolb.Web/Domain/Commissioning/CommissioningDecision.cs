using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>
/// One entry in the decision log of Section 5.2: the partnership amends, ceases or repurposes provision that is
/// not meeting people's needs, and records why, when, who decided and any money moved between contracts or
/// funding allocations. The log is a record, kept as written: an entry is never changed, and a later decision is a new entry.
/// A decision takes effect when it is recorded (see <c>CommissioningCommands.RecordDecisionAsync</c>): ceasing ends the
/// contract, and money moved changes the budgets or allocations at both ends, in the same transaction as the entry.
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

    /// <summary>The allocation (a stream's money for a financial year) the money moved from, when it moved between allocations.</summary>
    public Guid? FromAllocationId { get; init; }

    /// <summary>The stream of the allocation the money moved from, kept for reading the log.</summary>
    public FundingStream? FromStream { get; init; }
    public Guid? ToContractId { get; init; }
    public Guid? ToAllocationId { get; init; }
    public FundingStream? ToStream { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }

    public bool Concerns(Guid contractId) => ContractId == contractId || FromContractId == contractId || ToContractId == contractId;

    /// <summary>
    /// Checks a decision and builds it. <paramref name="contractInLep"/> says whether a contract id belongs to the LEP;
    /// <paramref name="allocationInLep"/> finds one of the LEP's allocations by id.
    /// Amend and cease are about one contract; repurpose moves money, so it needs an amount, where from and where to:
    /// from one contract to another, or from one allocation to another (a contract's budget is a share of its stream's
    /// allocation, so money moved between a contract and an allocation would be counted twice).
    /// </summary>
    public static (CommissioningDecision? Decision, IReadOnlyList<(string Field, string Message)> Errors) Record(
        DecisionDetails d, Guid lepId, Func<Guid, bool> contractInLep, Func<Guid, FundingAllocation?> allocationInLep, Guid recordedBy, DateOnly today, DateTime now)
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

        var movesMoney = d.AmountMoved is not null || d.FromContractId is not null || d.FromAllocationId is not null || d.ToContractId is not null
            || d.ToAllocationId is not null || kind == DecisionKind.Repurpose;
        if (movesMoney)
        {
            if (d.AmountMoved is not { } amount || amount <= 0 || amount > FundingAllocation.MaxAmount || decimal.Round(amount, 2) != amount)
            {
                errors.Add(("amountMoved", "Enter the money moved in pounds, more than 0, with no more than 2 decimal places"));
            }

            var fromOk = CheckEnd(errors, "from", d.FromContractId, d.FromAllocationId, contractInLep, allocationInLep);
            var toOk = CheckEnd(errors, "to", d.ToContractId, d.ToAllocationId, contractInLep, allocationInLep);
            if (fromOk && toOk)
            {
                if ((d.FromContractId is null) != (d.ToContractId is null))
                {
                    errors.Add((d.ToContractId is null ? "toAllocationId" : "toContractId",
                        d.FromContractId is not null
                            ? "Money moves from a contract to another contract. Choose the contract or grant to move it to (to free a contract's money for its stream, amend its budget)"
                            : "Money moves from an allocation to another allocation. Choose the allocation to move it to (to give a contract more, amend its budget)"));
                }
                else if ((d.FromContractId ?? d.FromAllocationId) == (d.ToContractId ?? d.ToAllocationId))
                {
                    errors.Add((d.ToContractId is null ? "toAllocationId" : "toContractId", "The money must move somewhere else: choose a different one to move it to"));
                }
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
            FromAllocationId = movesMoney ? d.FromAllocationId : null,
            FromStream = movesMoney && d.FromAllocationId is { } from ? allocationInLep(from)?.Stream : null,
            ToContractId = movesMoney ? d.ToContractId : null,
            ToAllocationId = movesMoney ? d.ToAllocationId : null,
            ToStream = movesMoney && d.ToAllocationId is { } to ? allocationInLep(to)?.Stream : null,
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        }, []);
    }

    /// <summary>Checks one end of the money moved: one of the LEP's contracts, or one of its allocations. True when it is.</summary>
    private static bool CheckEnd(
        List<(string, string)> errors, string end, Guid? contractId, Guid? allocationId, Func<Guid, bool> contractInLep, Func<Guid, FundingAllocation?> allocationInLep)
    {
        if (contractId is not null && allocationId is not null)
        {
            errors.Add(($"{end}AllocationId", $"Choose a contract or an allocation to move the money {end}, not both"));
        }
        else if (contractId is { } id && !contractInLep(id))
        {
            errors.Add(($"{end}ContractId", "Choose a contract or grant of your LEP"));
        }
        else if (allocationId is { } a && allocationInLep(a) is null)
        {
            errors.Add(($"{end}AllocationId", "Choose one of your LEP's funding allocations"));
        }
        else if (contractId is null && allocationId is null)
        {
            errors.Add(($"{end}ContractId", $"Choose the contract or the funding allocation the money moves {end}"));
        }
        else
        {
            return true;
        }

        return false;
    }
}

public sealed record DecisionDetails(
    DecisionKind? Kind, Guid? ContractId, string? Reason, DateOnly? DecidedOn, string? DecidedBy,
    decimal? AmountMoved, Guid? FromContractId, Guid? FromAllocationId, Guid? ToContractId, Guid? ToAllocationId);

public enum DecisionKind
{
    Amend,
    Cease,
    Repurpose,
}
