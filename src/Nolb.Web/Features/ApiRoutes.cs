using Nolb.Web.Features.Account;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Features.Appointments;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.BetterOffInWork;
using Nolb.Web.Features.CaseNotes;
using Nolb.Web.Features.Commissioning;
using Nolb.Web.Features.DeliveryPlans;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Feedback;
using Nolb.Web.Features.Improvement;
using Nolb.Web.Features.Incentives;
using Nolb.Web.Features.Interventions;
using Nolb.Web.Features.Journeys;
using Nolb.Web.Features.Leps;
using Nolb.Web.Features.Me;
using Nolb.Web.Features.Measurement;
using Nolb.Web.Features.Organisations;
using Nolb.Web.Features.Outcomes;
using Nolb.Web.Features.Participants;
using Nolb.Web.Features.Referrals;
using Nolb.Web.Features.ServiceDirectory;
using Nolb.Web.Features.YouSaidWeDid;

namespace Nolb.Web.Features;

/// <summary>The versioned JSON API. Each feature maps its own endpoints under /api/v1.</summary>
public static class ApiRoutes
{
    public static WebApplication MapNolbApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization();
        v1.MapAuthApi();
        v1.MapLepsApi();
        v1.MapUsersApi();
        v1.MapOrganisationsApi();
        v1.MapParticipantsApi();
        v1.MapEngagementsApi();
        v1.MapBetterOffApi();
        v1.MapAssessmentsApi();
        v1.MapActionPlanApi();
        v1.MapInterventionsApi();
        v1.MapCaseNotesApi();
        v1.MapAppointmentsApi();
        v1.MapDirectoryApi();
        v1.MapReferralsApi();
        v1.MapOutcomesApi();
        v1.MapEmployersApi();
        v1.MapIncentivesApi();
        v1.MapCommissioningApi();
        v1.MapMeApi();
        v1.MapFeedbackApi();
        v1.MapYouSaidWeDidApi();
        v1.MapJourneysApi();
        v1.MapImprovementApi();
        v1.MapMeasurementApi();
        v1.MapDashboardApi();
        v1.MapStatisticsApi();
        v1.MapDeliveryPlansApi();
        return app;
    }
}

/// <summary>Field errors in the shape ValidationProblem wants, with the API's camelCase field names.</summary>
public static class ApiValidation
{
    public static Dictionary<string, string[]> ToProblemErrors(this IEnumerable<(string Field, string Message)> errors) =>
        errors
            .GroupBy(e => e.Field.Length == 0 ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
