using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Features.ServiceDirectory;

namespace Nolb.Web.Features.Commissioning;

/// <summary>The words and formats commissioning pages use, the same everywhere.</summary>
public static class CommissioningLabels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount) => DeliveryContract.Money(amount);

    public static string Money(decimal? amount) => amount is { } value ? Money(value) : "None yet";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Number(int value) => value.ToString("#,##0", English);

    public static string Percent(int? percent) => percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p}%") : "No profile due";

    public static string Period(DeliveryContract c) => $"{Date(c.StartDate)} to {Date(c.EndDate)}";

    public static string Label(this ContractKind kind) => kind switch
    {
        ContractKind.Grant => "Grant",
        ContractKind.Contract => "Contract",
        _ => kind.ToString(),
    };

    public static string Label(this ContractStatus status) => status switch
    {
        ContractStatus.NotStarted => "Not started yet",
        ContractStatus.Running => "Running",
        ContractStatus.Ended => "Ended",
        ContractStatus.Ceased => "Ceased",
        _ => status.ToString(),
    };

    /// <summary>"Running", or "Ceased on 3 May 2026" when a decision of the partnership ended it early.</summary>
    public static string Status(ContractStatus status, DateOnly? ceasedOn) =>
        ceasedOn is { } on ? $"Ceased on {Date(on)} by a decision of the partnership" : status.Label();

    public static string Status(DeliveryContract c, DateOnly today) => Status(c.StatusOn(today), c.CeasedOn);

    public static string Label(this DecisionKind kind) => kind switch
    {
        DecisionKind.Amend => "Amend provision",
        DecisionKind.Cease => "Cease provision",
        DecisionKind.Repurpose => "Repurpose investment",
        _ => kind.ToString(),
    };

    public static string Label(this Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        _ => "Not yet due",
    };

    /// <summary>A design-system tag class for the rating; the word is always shown too, so colour is never the only cue.</summary>
    public static string TagClass(this Rag rag) => rag switch
    {
        Rag.Green => "ds_tag ds_tag--green",
        Rag.Amber => "ds_tag ds_tag--orange",
        Rag.Red => "ds_tag ds_tag--red",
        _ => "ds_tag ds_tag--grey",
    };

    public static IReadOnlyList<SelectListItem> Streams() =>
        Enum.GetValues<FundingStream>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> TargetGroups() =>
        Enum.GetValues<Domain.ServiceDirectory.TargetGroup>().Select(g => new SelectListItem(g.Label(), g.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Kinds() =>
        Enum.GetValues<ContractKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> DecisionKinds() =>
        Enum.GetValues<DecisionKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();

    public static string Title(FundingAllocation a) => $"the {a.Year.Label} {a.Stream.Label()} allocation";

    /// <summary>Where money moved from or to, in words: a contract by its title, an allocation by its stream and year.</summary>
    public static string End(Guid? contractId, Guid? allocationId, FundingStream? stream, IReadOnlyDictionary<Guid, string> titles) =>
        string.Join(", ", new[]
        {
            contractId is { } id ? titles.GetValueOrDefault(id, "a contract") : null,
            allocationId is { } a ? titles.GetValueOrDefault(a, $"the {stream?.Label()} allocation") : stream?.Label(),
        }.Where(x => x is not null));
}
