using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>What an LEP has to spend from one funding stream in one financial year (Section 5.3, Money).</summary>
public sealed class FundingAllocation : IVersioned
{
    public const decimal MaxAmount = 1_000_000_000m;
    public const int NotesLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public FundingStream Stream { get; init; }

    /// <summary>The year the financial year starts in (see <see cref="Commissioning.FinancialYear"/>).</summary>
    public int FinancialYear { get; init; }
    public decimal Amount { get; private set; }
    public string? Notes { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public FinancialYear Year => new(FinancialYear);

    public IReadOnlyList<(string Field, string Message)> Set(decimal? amount, string? notes)
    {
        var errors = new List<(string, string)>();
        if (amount is not { } value || value < 0 || value > MaxAmount)
        {
            errors.Add(("amount", "Enter the allocation in pounds, like 250000, from 0 to 1,000,000,000"));
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add(("amount", "Enter the allocation in pounds and pence, with no more than 2 decimal places"));
        }

        if (notes?.Length > NotesLength)
        {
            errors.Add(("notes", "Keep the notes to 1,000 characters"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Amount = amount!.Value;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        return [];
    }

    /// <summary>
    /// Moves money into (positive) or out of (negative) the allocation on a decision to repurpose investment. Money can only
    /// leave what the LEP's contracts on this stream do not already profile to spend in the year (<paramref name="profiled"/>).
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Move(decimal change, decimal profiled, string field)
    {
        var amount = Amount + change;
        if (change < 0 && amount < profiled)
        {
            return [(field, $"That is more than the {DeliveryContract.Money(Math.Max(0, Amount - profiled))} of the {Year.Label} allocation from that stream not yet profiled in contracts. Move no more than that")];
        }

        if (amount > MaxAmount)
        {
            return [(field, $"That takes the {Year.Label} allocation to that stream over {DeliveryContract.Money(MaxAmount)}. Move less")];
        }

        Amount = amount;
        return [];
    }

    public static IReadOnlyList<(string Field, string Message)> CheckKey(FundingStream? stream, int? year)
    {
        var errors = new List<(string, string)>();
        if (stream is not { } s || !Enum.IsDefined(s))
        {
            errors.Add(("stream", "Choose the funding stream"));
        }

        if (year is not (>= 2000 and <= 2100))
        {
            errors.Add(("financialYear", "Enter the year the financial year starts in, like 2026 for 2026-27"));
        }

        return errors;
    }
}
