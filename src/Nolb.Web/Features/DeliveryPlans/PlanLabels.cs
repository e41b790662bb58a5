using Nolb.Web.Domain.DeliveryPlans;

namespace Nolb.Web.Features.DeliveryPlans;

public static class PlanLabels
{
    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Draft",
        PlanStatus.Submitted => "Submitted for approval",
        PlanStatus.Approved => "Approved",
        _ => status.ToString(),
    };

    public static string Label(this PlanKind kind) => kind switch
    {
        PlanKind.DeliveryPlan => "Delivery plan",
        PlanKind.AnnualOperationalUpdate => "Annual operational update",
        _ => kind.ToString(),
    };

    public static string Label(this GovernanceLinkKind kind) => kind switch
    {
        GovernanceLinkKind.CommunityPlanningPartnership => "Community Planning Partnership",
        GovernanceLinkKind.ReportsTo => "The LEP reports to this group",
        GovernanceLinkKind.ReportsToLep => "This group reports to the LEP",
        GovernanceLinkKind.WorksWith => "The LEP works with this group",
        _ => kind.ToString(),
    };

    public static string Label(this PolicyDriver driver) => PlanFramework.Current.Label(driver);

    public static string Label(this NationalOutcome outcome) => PlanFramework.Current.Title(outcome);

    public static string Money(decimal amount) => "£" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Period(DateOnly start, DateOnly end) =>
        $"{start.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} to {end.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}
