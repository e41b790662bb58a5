using Nolb.Web.Domain.Interventions;

namespace Nolb.Web.Features.Interventions;

public static class InterventionLabels
{
    public static string Label(InterventionOutcome outcome) => outcome switch
    {
        InterventionOutcome.Ongoing => "Ongoing",
        InterventionOutcome.Completed => "Completed",
        InterventionOutcome.DidNotComplete => "Did not complete",
        _ => "No longer needed",
    };

    public static string Label(DeliveredBy deliveredBy) => deliveredBy == DeliveredBy.OwnTeam ? "Our own team" : "A partner organisation";
}
