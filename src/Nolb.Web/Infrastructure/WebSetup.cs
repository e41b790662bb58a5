using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nolb.Web.Data;
using Nolb.Web.Features.Account;
using Nolb.Web.Features.CaseloadImport;
using Nolb.Web.Features.DataRights;
using Nolb.Web.Security;
using Scalar.AspNetCore;

namespace Nolb.Web.Infrastructure;

public static class WebSetup
{
    private const string HealthPath = "/health";

    public static IServiceCollection AddNolbWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddNolbPublicLinks(configuration, environment);
        services.AddNolbReverseProxy(configuration);
        services.AddScoped<AuditLog>();
        services.AddSingleton<OnceOnlyForms>();
        services.AddSingleton<OnceOnlyFormFilter>();
        services.AddScoped<SignInService>();
        services.AddScoped<Features.Admin.Users.CreateUserAccount>();
        services.AddScoped<Features.Organisations.SaveOrganisation>();
        services.AddScoped<Features.Participants.RegisterParticipant>();
        services.AddScoped<Features.Participants.UpdateParticipant>();
        services.AddScoped<Features.Participants.ParticipantRecords>();
        services.AddScoped<Features.Participants.CaseCommands>();
        services.AddScoped<Features.Caseload.CaseloadQuery>();
        services.AddSingleton(sp => Features.BetterOffInWork.RateTableCatalog.LoadEmbedded(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Features.Assessments.EngagementCases>();
        services.AddScoped<Features.Assessments.AssessmentCommands>();
        services.AddScoped<Features.ActionPlans.ActionPlanCommands>();
        services.AddScoped<Features.Participants.CaseActivityAccess>();
        services.AddScoped<Features.Interventions.InterventionCommands>();
        services.AddScoped<Features.CaseNotes.CaseNoteCommands>();
        services.AddScoped<Features.Appointments.AppointmentCommands>();
        services.AddScoped<Features.Timeline.CaseTimeline>();
        // The case timeline, in the order of its filter: one line per kind of record.
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Timeline.StageMoveTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Timeline.AssignmentTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Interventions.InterventionTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.CaseNotes.CaseNoteTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Appointments.AppointmentTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Timeline.AssessmentTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Timeline.ActionPlanTimelineSource>();
        services.AddScoped<Features.Timeline.ITimelineSource, Features.Referrals.ReferralTimelineSource>();
        services.AddScoped<Features.ServiceDirectory.SaveDirectoryService>();
        services.AddScoped<Features.ServiceDirectory.Hsds.HsdsImport>();
        services.AddScoped<Features.Referrals.ReferralCommands>();
        services.AddOptions<Features.Referrals.ReferralOptions>().Bind(configuration.GetSection(Features.Referrals.ReferralOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Outcomes.OutcomeCommands>();
        services.AddScoped<Features.Outcomes.SustainmentDue>();
        services.AddScoped<Features.Employers.EmployerCommands>();
        services.AddScoped<Features.Employers.JobMatching>();
        services.AddSingleton<Features.Vacancies.OccupationCatalogue>();
        services.AddScoped<Features.Admin.Occupations.OccupationListImport>();
        services.AddScoped<Features.Incentives.IncentiveCommands>();
        services.AddScoped<Features.Commissioning.CommissioningCommands>();
        services.AddScoped<Features.Commissioning.ContractPerformanceQuery>();
        services.AddScoped<Features.Commissioning.RequirementDelivery>();
        services.AddScoped<Features.DeliveryPlans.PlanEvidence>();
        services.AddScoped<Features.DeliveryPlans.PlanCommands>();
        services.AddScoped<Features.DeliveryPlans.Annex2Import>();
        services.Configure<Features.Employers.FairWorkSettings>(configuration.GetSection(Features.Employers.FairWorkSettings.Section));
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<Features.Me.MyRecord>();
        services.AddScoped<Features.Me.OwnPlan>();
        services.AddScoped<Features.Me.OwnDataExport>();
        services.AddNolbDataRights(configuration);
        services.AddNolbCaseloadImport();
        services.AddScoped<Features.Feedback.FeedbackCommands>();
        services.AddScoped<Features.Feedback.SatisfactionQuery>();
        services.AddScoped<Features.YouSaidWeDid.YouSaidWeDidCommands>();
        services.AddScoped<Features.Journeys.JourneyQuery>();
        services.AddScoped<Features.Improvement.SelfAssessmentCommands>();
        services.AddScoped<Features.Improvement.ImprovementActionCommands>();
        services.AddScoped<Features.Account.AccountMail>();
        services.AddScoped<Features.TwoFactor.TwoFactorAccount>();
        services.AddOptions<Domain.Audit.UnusualAccessRules>().Bind(configuration.GetSection(Domain.Audit.UnusualAccessRules.Section))
            .ValidateDataAnnotations()
            .Validate(r => r.WorkingDayStarts < r.WorkingDayEnds, "Nolb:AuditReview:WorkingDayStarts must be before WorkingDayEnds")
            .ValidateOnStart();
        services.AddNolbAccounts(configuration);
        services.AddNolbSingleSignOn(configuration, environment);
        Features.Account.KeptForms.AddKeptForms(services);
        services.AddScoped<Features.Measurement.MeasurementData>();
        services.AddScoped<Features.Measurement.IndicatorTotals>();
        services.AddSingleton<Features.Measurement.ScotlandFigures>();
        services.AddScoped<Features.Measurement.JointDisclosure>();
        services.AddScoped<Features.Measurement.Statistics>();
        services.AddScoped<Features.Measurement.QuarterlyReturn>();
        services.AddScoped<Features.Measurement.DashboardQuery>();
        services.Configure<Features.Measurement.ReturnOptions>(configuration.GetSection(Features.Measurement.ReturnOptions.Section));
        services.AddScoped<Features.Measurement.Reference.ReferenceDataLoader>();
        services.AddScoped<Features.Measurement.Reference.PopulationImport>();
        services.AddScoped<Features.Measurement.Reference.SimdImport>();
        services.AddScoped<Features.Measurement.GapReport>();
        services.AddOptions<Features.Measurement.GapOptions>().Bind(configuration.GetSection(Features.Measurement.GapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Measurement.Publications>();
        services.AddScoped<Features.Measurement.NationalWorkbookSource>();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToFolder("/Errors");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add(new RefuseControlCharacters());
            options.Filters.AddService<OnceOnlyFormFilter>();
            options.Filters.AddService<Features.Account.KeptForms.RestoreKeptForm>();
        });
        services.AddProblemDetails();
        ApiBadRequests.Register(services);
        DatabaseUnavailable.Register(services);
        ConcurrentChange.Register(services);
        services.AddNolbOpenApi();
        services.AddSignInRateLimit(configuration);
        services.AddHealthChecks().AddDbContextCheck<NolbDbContext>("database", failureStatus: HealthStatus.Unhealthy);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            ApiTextAndDates.Add(options.SerializerOptions);
        });
        return services;
    }

    public static WebApplication UseNolbWeb(this WebApplication app)
    {
        // First, so everything after sees the client's address and scheme rather than the proxy's (ReverseProxy).
        app.UseForwardedHeaders();
        app.UseNolbErrorHandling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();

            // A load balancer's health probe often comes over plain HTTP straight to Nolb and wants a 200, not a redirect.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthPath), branch => branch.UseHttpsRedirection());
        }

        app.UseNolbSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        Features.Account.KeptForms.UseKeptForms(app);
        app.UseMiddleware<TwoFactorEnrolment>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyKeys>();

        app.MapRazorPages();
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Nolb API")).AllowAnonymous();
        return app;
    }
}
