using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.BrowserTests;

/// <summary>
/// Test data for the browser tests of issues 5 and 6 (directory, referrals, employers, vacancies, outcomes,
/// placements, incentives), made directly in the database of <see cref="NolbServer"/> in Glasgow.
/// </summary>
public static class WorkData
{
    private static Task<Guid> GlasgowAsync(Nolb.Web.Data.NolbDbContext db) =>
        db.Leps.Where(l => l.Code == NolbServer.Glasgow).Select(l => l.Id).SingleAsync();

    public static Task<DirectoryService> CreateDirectoryServiceAsync(this NolbServer server, Guid organisationId, string name) => server.WithDbAsync(async db =>
    {
        var service = new DirectoryService
        {
            OrganisationId = organisationId,
            LepId = await GlasgowAsync(db),
            Name = name,
            Description = "Six weeks of confidence and work preparation sessions.",
            Kind = ServiceKind.Employability,
            MinimumAge = 16,
            TargetGroups = [TargetGroup.Parents],
            Stages = [PipelineStage.NeedsAssessmentAndBarrierRemoval, PipelineStage.VocationalActivity],
            Cost = "Free",
            PlacesPerQuarter = 12,
            ReferralMethod = "Through Nolb",
            ContactEmail = "service@example.org",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.DirectoryServices.Add(service);
        await db.SaveChangesAsync();
        return service;
    });

    /// <summary>The person agrees to share their details with the organisation.</summary>
    public static Task<Consent> AddShareConsentAsync(this NolbServer server, Guid participantId, Guid organisationId, Guid recordedBy) => server.WithDbAsync(async db =>
    {
        var consent = new Consent
        {
            ParticipantId = participantId,
            Kind = ConsentKind.ShareWithPartner,
            OrganisationId = organisationId,
            GivenOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            RecordedByUserId = recordedBy,
            RecordedAt = DateTime.UtcNow,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return consent;
    });

    /// <summary>An outbound referral to a directory service, sent a day ago, sharing the person's name.</summary>
    public static Task<Referral> CreateReferralAsync(this NolbServer server, Guid participantId, DirectoryService service, string personName, Guid sentBy) => server.WithDbAsync(async db =>
    {
        var referral = new Referral
        {
            Direction = ReferralDirection.Outbound,
            LepId = await GlasgowAsync(db),
            ParticipantId = participantId,
            ServiceId = service.Id,
            ToOrganisationId = service.OrganisationId,
            SentByUserId = sentBy,
            SentAt = DateTime.UtcNow.AddDays(-1),
            Reason = "Would like help with confidence before interviews.",
            Shared = new SharedDetails { Name = personName },
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral;
    });

    /// <summary>An inbound referral into Glasgow from a partner organisation, waiting for triage.</summary>
    public static Task<Referral> CreateInboundReferralAsync(this NolbServer server, Guid fromOrganisationId, Guid sentBy, string personName) => server.WithDbAsync(async db =>
    {
        var referral = new Referral
        {
            Direction = ReferralDirection.Inbound,
            LepId = await GlasgowAsync(db),
            FromOrganisationId = fromOrganisationId,
            SentByUserId = sentBy,
            SentAt = DateTime.UtcNow.AddHours(-3),
            Reason = "Looking for work after a long illness; would like a key worker.",
            Shared = new SharedDetails { Name = personName, Phone = "0141 496 0999" },
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral;
    });

    public static Task MoveToStageAsync(this NolbServer server, Guid engagementId, PipelineStage stage, Guid by) => server.WithDbAsync(async db =>
    {
        var engagement = await db.Engagements.Include(e => e.StageMoves).SingleAsync(e => e.Id == engagementId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var moved = engagement.MoveTo(stage, today.AddDays(-1), "Ready for work", by, today, DateTime.UtcNow);
        Assert.True(moved.Succeeded, moved.Error);
        await db.SaveChangesAsync();
        return true;
    });

    public static Task<JobPreferences> SetJobGoalsAsync(this NolbServer server, Guid participantId, params string[] socGoals) => server.WithDbAsync(async db =>
    {
        var goals = new JobPreferences
        {
            ParticipantId = participantId,
            SocGoals = [.. socGoals],
            MinHoursPerWeek = 16,
            MaxHoursPerWeek = 30,
            Travel = TravelBand.SameArea,
        };
        db.JobPreferences.Add(goals);
        await db.SaveChangesAsync();
        return goals;
    });

    public static Task<Employer> CreateEmployerAsync(this NolbServer server, string name) => server.WithDbAsync(async db =>
    {
        var employer = new Employer
        {
            LepId = await GlasgowAsync(db),
            Name = name,
            Sector = SicSection.I,
            Size = SizeBand.Small,
            Town = "Glasgow",
            Postcode = "G1 2AA",
            RealLivingWageEmployer = true,
            CreatedAt = DateTime.UtcNow,
        };
        employer.Activities.Add(new EmployerActivity { EmployerId = employer.Id, Date = DateOnly.FromDateTime(DateTime.UtcNow), Kind = EmployerActivityKind.RecruitmentAdvice, Notes = "Talked about job carving", RecordedAt = DateTime.UtcNow });
        db.Employers.Add(employer);
        await db.SaveChangesAsync();
        return employer;
    });

    public static Task<Vacancy> CreateVacancyAsync(this NolbServer server, Guid employerId, string title, string socCode) => server.WithDbAsync(async db =>
    {
        var vacancy = new Vacancy
        {
            LepId = await GlasgowAsync(db),
            EmployerId = employerId,
            Title = title,
            SocCode = socCode,
            Postcode = "G1 2AA",
            HoursPerWeek = 25,
            HourlyPay = 12.60m,
            Contract = ContractType.Permanent,
            Status = VacancyStatus.Open,
            CreatedAt = DateTime.UtcNow,
        };
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync();
        return vacancy;
    });

    public static Task<Placement> CreatePlacementAsync(this NolbServer server, Guid participantId, Guid employerId) => server.WithDbAsync(async db =>
    {
        var placement = new Placement
        {
            LepId = await GlasgowAsync(db),
            ParticipantId = participantId,
            EmployerId = employerId,
            Kind = PlacementKind.WorkExperience,
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10),
            HoursPerWeek = 16,
            WeeklyAllowance = 50,
            Outcome = PlacementOutcome.Ongoing,
            CreatedAt = DateTime.UtcNow,
        };
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return placement;
    });

    /// <summary>A job entry for the engagement that started <paramref name="daysAgo"/> days ago, with its sustainment checks.</summary>
    public static Task<Outcome> CreateJobOutcomeAsync(this NolbServer server, Guid engagementId, Guid employerId, int daysAgo, Guid by) => server.WithDbAsync(async db =>
    {
        var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var details = new OutcomeDetails(OutcomeKind.JobEntry, today.AddDays(-daysAgo), employerId, null, "Kitchen assistant", "9263", 25, 12.60m, ContractType.Permanent, null, null, null);
        var (outcome, errors) = Outcome.Record(details, engagement.Id, engagement.LepId, engagement.StartDate, employerKnown: true, by, today, DateTime.UtcNow);
        Assert.True(outcome is not null, string.Join(" ", errors.Select(e => e.Message)));
        db.Outcomes.Add(outcome!);
        await db.SaveChangesAsync();
        return outcome;
    });

    /// <summary>This financial year's incentive scheme for Glasgow: at least £12.60 an hour, 16 hours, 6 months.</summary>
    public static Task<IncentiveScheme> EnsureIncentiveSchemeAsync(this NolbServer server) => server.WithDbAsync(async db =>
    {
        var lepId = await GlasgowAsync(db);
        var year = IncentiveScheme.FinancialYearOf(DateOnly.FromDateTime(DateTime.UtcNow));
        if (await db.IncentiveSchemes.SingleOrDefaultAsync(s => s.LepId == lepId && s.FinancialYear == year) is { } existing)
        {
            return existing;
        }

        var scheme = new IncentiveScheme
        {
            LepId = lepId,
            FinancialYear = year,
            MinimumHourlyPay = 12.60m,
            MinimumHoursPerWeek = 16,
            MinimumContractMonths = 6,
            PaymentAtStart = 1000,
            PaymentAt13Weeks = 1000,
            PaymentAt26Weeks = 1000,
            PaymentAt52Weeks = 1000,
        };
        db.IncentiveSchemes.Add(scheme);
        await db.SaveChangesAsync();
        return scheme;
    });

    public static Task<IncentiveApplication> CreateIncentiveAsync(this NolbServer server, Guid participantId, Guid employerId, IncentiveScheme scheme, Guid by) => server.WithDbAsync(async db =>
    {
        var application = new IncentiveApplication
        {
            LepId = scheme.LepId,
            SchemeId = scheme.Id,
            EmployerId = employerId,
            ParticipantId = participantId,
            JobTitle = "Kitchen assistant",
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow),
            HourlyPay = 11.50m,
            HoursPerWeek = 20,
            Contract = ContractType.Permanent,
            NoDisplacementConfirmed = true,
            CreatedByUserId = by,
            CreatedAt = DateTime.UtcNow,
        };
        db.IncentiveApplications.Add(application);
        await db.SaveChangesAsync();
        return application;
    });

    /// <summary>
    /// The records of issues 5 and 6 for the accessibility sweep, with the placeholders that name them: a directory
    /// service of a partner in Nolb and one of a service outside Nolb, a referral to each and one into the LEP, an
    /// employer with a vacancy, a placement, a job outcome with its sustainment checks, and an incentive application.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> CreateSweepRecordsAsync(
        this NolbServer server, Guid organisationId, Guid keyWorkerId, Guid partnerWorkerId, Guid participantId, string participantName, Guid engagementId)
    {
        var service = await server.CreateDirectoryServiceAsync(organisationId, "Sweep confidence course");
        var outside = await server.CreateOrganisationAsync("Sweep Health Board");
        var externalService = await server.CreateDirectoryServiceAsync(outside.Id, "Sweep social prescribing");
        await server.AddShareConsentAsync(participantId, organisationId, keyWorkerId);
        var referral = await server.CreateReferralAsync(participantId, service, participantName, keyWorkerId);
        var external = await server.CreateReferralAsync(participantId, externalService, participantName, keyWorkerId);
        await server.WithDbAsync(async db =>
        {
            // A service with nobody in Nolb: the referral goes on a printed summary.
            var row = await db.Referrals.SingleAsync(r => r.Id == external.Id);
            db.Entry(row).Property(r => r.IsExternal).CurrentValue = true;
            return await db.SaveChangesAsync();
        });
        var inbound = await server.CreateInboundReferralAsync(organisationId, partnerWorkerId, "Sweepin Referred");
        var employer = await server.CreateEmployerAsync("Sweep Catering Ltd");
        var vacancy = await server.CreateVacancyAsync(employer.Id, "Sweep kitchen assistant", "9263");
        var placement = await server.CreatePlacementAsync(participantId, employer.Id);
        var outcome = await server.CreateJobOutcomeAsync(engagementId, employer.Id, daysAgo: 40, keyWorkerId);
        var scheme = await server.EnsureIncentiveSchemeAsync();
        var incentive = await server.CreateIncentiveAsync(participantId, employer.Id, scheme, keyWorkerId);
        return new Dictionary<string, string>
        {
            ["{service}"] = service.Id.ToString(),
            ["{referral}"] = referral.Id.ToString(),
            ["{externalReferral}"] = external.Id.ToString(),
            ["{inbound}"] = inbound.Id.ToString(),
            ["{employer}"] = employer.Id.ToString(),
            ["{vacancy}"] = vacancy.Id.ToString(),
            ["{placement}"] = placement.Id.ToString(),
            ["{outcome}"] = outcome.Id.ToString(),
            ["{check}"] = outcome.Checks.OrderBy(c => c.DueDate).First().Id.ToString(),
            ["{incentive}"] = incentive.Id.ToString(),
        };
    }
}
