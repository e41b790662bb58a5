using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;

namespace Nolb.Web.Features.Referrals;

public static class ReferralLabels
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Label(this ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "Sent, waiting for an answer",
        ReferralStatus.Accepted => "Accepted",
        ReferralStatus.Declined => "Declined",
        ReferralStatus.Completed => "Completed",
        _ => "Allocated to a key worker",
    };

    public static string Label(this DeclineReason reason) => reason switch
    {
        DeclineReason.NotEligible => "The person is not eligible",
        DeclineReason.NoCapacity => "No places at the moment",
        DeclineReason.PersonDidNotEngage => "The person did not take it up",
        DeclineReason.NeedsAnotherService => "Another service would suit the person better",
        DeclineReason.AlreadySupported => "The person already gets this support",
        _ => "Other",
    };

    public static string Label(this ShareItem item) => item switch
    {
        ShareItem.Name => "Name",
        ShareItem.DateOfBirth => "Date of birth",
        ShareItem.ContactDetails => "Phone number and email",
        _ => "Address and postcode",
    };

    public static IReadOnlyList<SelectListItem> DeclineReasons() => ParticipantLabels.Choices<DeclineReason>(Label);

    public static IReadOnlyList<SelectListItem> ShareItems() => ParticipantLabels.Choices<ShareItem>(Label);

    public static string When(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm", En) + " UTC";

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", En);

    public static string StatusTag(ReferralRow row) => row.Status switch
    {
        ReferralStatus.Sent => "ds_tag--blue",
        ReferralStatus.Declined => "ds_tag--red",
        ReferralStatus.Completed => "ds_tag--green",
        _ => "ds_tag--teal",
    };

    /// <summary>Who the person is, in the words the receiver may see.</summary>
    public static string PersonLabel(SharedDetails shared) => shared.Name ?? "Details not shared";
}
