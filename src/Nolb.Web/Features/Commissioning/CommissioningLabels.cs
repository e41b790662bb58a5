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

    /// <summary>Where money moved from or to, in words.</summary>
    public static string End(Guid? contractId, FundingStream? stream, IReadOnlyDictionary<Guid, string> titles) =>
        string.Join(", ", new[]
        {
            contractId is { } id ? titles.GetValueOrDefault(id, "a contract") : null,
            stream?.Label(),
        }.Where(x => x is not null));
}
