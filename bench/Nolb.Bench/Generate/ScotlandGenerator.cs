using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Security;

namespace Nolb.Bench.Generate;

public sealed record GeneratorSettings(int Seed, double Scale, DateOnly Today)
{
    public int Participants => (int)Math.Round(250_000 * Scale);
}

/// <summary>The ids the generator needs from the migrated, seeded database.</summary>
public sealed record SeededIds(IReadOnlyDictionary<string, Guid> LepsByCode, IReadOnlyList<Guid> InterventionTypes);

/// <summary>
/// A synthetic Scotland, the same for the same seed and scale: every LEP sized by its population, five years of
/// engagements with their stage moves, interventions, notes, appointments, referrals, outcomes and sustainment
/// checks, key workers with caseloads, employers and vacancies. The rates aim at the published ones: about 31% of
/// starts enter employment (22% of disabled people, 34% of others) and 14% education or training; about one in
/// five of those with a known disability status is disabled. Single-threaded on one <see cref="Random"/> so the
/// output depends only on the seed.
/// </summary>
public sealed class ScotlandGenerator(BulkLoader load, GeneratorSettings settings, SeededIds seeded)
{
    private const int OpenCasesPerKeyWorker = 40;
    private static readonly string[] GivenNames =
    [
        "Olivia", "Jack", "Isla", "Noah", "Emily", "Leo", "Ava", "Harris", "Sophie", "Lewis", "Amelia", "Finlay", "Grace", "James",
        "Ella", "Oliver", "Freya", "Rory", "Lucy", "Callum", "Mia", "Aiden", "Eilidh", "Kyle", "Chloe", "Ewan", "Anna", "Ross",
        "Aisha", "Mohammed", "Zofia", "Jakub", "Priya", "Arjun", "Mei", "Kwame", "Fatima", "Tomasz", "Niamh", "Declan",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Brown", "Wilson", "Campbell", "Stewart", "Thomson", "Robertson", "Anderson", "MacDonald", "Scott", "Reid",
        "Murray", "Taylor", "Clark", "Ross", "Watson", "Morrison", "Paterson", "Young", "Mitchell", "Walker", "Fraser",
        "Miller", "McDonald", "Gray", "Henderson", "Hamilton", "Johnston", "Duncan", "Graham", "Ferguson", "Kerr", "Davidson",
        "Bell", "Cameron", "Kelly", "Martin", "Hunter", "Allan", "Khan", "Ahmed", "Nowak", "Kowalski", "Singh", "Chen",
    ];

    private static readonly string[] NoteTexts =
    [
        "Met to review the action plan; agreed next steps.", "Phoned to check in; feeling more settled this week.",
        "Talked through the job search and updated the CV together.", "Discussed travel to the course and a bus pass.",
        "Followed up on the referral; appointment booked.", "Reviewed the better-off-in-work figures with the person.",
    ];

    private readonly Random random = new(settings.Seed);
    private readonly Guid systemUser = Guid.Empty;
    private readonly DateTime now = settings.Today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    private int referenceNumber;
    private string passwordHash = "";

    public int Engagements { get; private set; }

    public async Task RunAsync(TextWriter log)
    {
        passwordHash = new PasswordHasher<NolbUser>().HashPassword(null!, BenchWorld.Password);
        var populations = BenchWorld.Populations();
        var total = populations.Sum(p => (long)p.Population);
        var socCodes = Occupations.UnitGroups.Select(u => u.Code).ToList();
        AddUser(BenchWorld.AnalystEmail, "Bench national analyst", Role.NationalAnalyst, null);
        foreach (var area in populations)
        {
            var lepId = seeded.LepsByCode[area.Code];
            var people = (int)Math.Round((double)settings.Participants * area.Population / total);
            var keyWorkers = Enumerable.Range(1, Math.Max(2, (int)Math.Ceiling(people * 0.2 / OpenCasesPerKeyWorker)))
                .Select(n => AddUser(BenchWorld.KeyWorkerEmail(area.Code, n), $"{Pick(GivenNames)} {Pick(FamilyNames)}", Role.KeyWorker, lepId))
                .ToList();
            AddUser(BenchWorld.TeamLeaderEmail(area.Code), $"{area.Name} team leader", Role.TeamLeader, lepId);
            AddUser(BenchWorld.ManagerEmail(area.Code), $"{area.Name} LEP manager", Role.LepManager, lepId);
            AddUser(BenchWorld.EmployerOfficerEmail(area.Code), $"{area.Name} employer engagement officer", Role.EmployerEngagementOfficer, lepId);
            var partners = Enumerable.Range(1, 3).Select(n => AddOrganisation(lepId, $"{area.Name} partner {n}")).ToList();
            var postcodeArea = BenchWorld.PostcodeAreas[area.Code];
            var employers = AddEmployersAndVacancies(lepId, area, postcodeArea, socCodes, Math.Max(2, people / 800));
            for (var i = 0; i < people; i++)
            {
                AddPerson(lepId, postcodeArea, keyWorkers, partners, employers, socCodes);
            }

            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {area.Name}: {people:N0} participants, {keyWorkers.Count} key workers ({load.RowsWritten:N0} rows so far)"));
        }
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double p) => random.NextDouble() < p;

    private DateTime At(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, random.Next(4) * 15), DateTimeKind.Utc);

    private Guid AddUser(string email, string name, Role role, Guid? lepId)
    {
        var id = NewId();
        load.Add<NolbUser>(new()
        {
            ["Id"] = id,
            ["UserName"] = email,
            ["NormalizedUserName"] = email.ToUpperInvariant(),
            ["Email"] = email,
            ["NormalizedEmail"] = email.ToUpperInvariant(),
            ["EmailConfirmed"] = true,
            ["PasswordHash"] = passwordHash,
            ["SecurityStamp"] = NewId().ToString("N").ToUpperInvariant(),
            ["ConcurrencyStamp"] = NewId().ToString(),
            ["LockoutEnabled"] = true,
            ["DisplayName"] = name,
            ["Role"] = role,
            ["LepId"] = lepId,
            ["CreatedAt"] = now.AddYears(-5),
        });
        return id;
    }

    private Guid AddOrganisation(Guid lepId, string name)
    {
        var id = NewId();
        load.Add<Organisation>(new()
        {
            ["Id"] = id,
            ["Name"] = name,
            ["Kind"] = OrganisationKind.ThirdSector,
            ["LepId"] = lepId,
            ["ContactEmail"] = "referrals@partner.example.org",
            ["CreatedAt"] = now.AddYears(-5),
            ["Version"] = NewId(),
        });
        return id;
    }

    private string Postcode(string area) =>
        string.Create(CultureInfo.InvariantCulture, $"{area}{random.Next(1, 40)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}");

    private List<Guid> AddEmployersAndVacancies(Guid lepId, BenchWorld.AreaPopulation area, string postcodeArea, IReadOnlyList<string> socCodes, int count)
    {
        var employers = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var employer = NewId();
            employers.Add(employer);
            load.Add<Employer>(new()
            {
                ["Id"] = employer,
                ["LepId"] = lepId,
                ["Name"] = string.Create(CultureInfo.InvariantCulture, $"{area.Name} employer {i + 1}"),
                ["Sector"] = Pick(Enum.GetValues<SicSection>()),
                ["Size"] = Pick(Enum.GetValues<SizeBand>()),
                ["Town"] = area.Name,
                ["Postcode"] = Postcode(postcodeArea),
                ["RealLivingWageEmployer"] = Chance(0.4),
                ["YoungPersonsGuaranteePledge"] = Chance(0.3),
                ["DisabilityConfident"] = Pick(Enum.GetValues<DisabilityConfidentLevel>()),
                ["CreatedAt"] = now.AddYears(-4),
                ["Version"] = NewId(),
            });
            for (var v = 0; v < 3; v++)
            {
                var open = Chance(0.6);
                var contract = Chance(0.1) ? ContractType.ZeroHours : Chance(0.7) ? ContractType.Permanent : ContractType.FixedTerm;
                load.Add<Vacancy>(new()
                {
                    ["Id"] = NewId(),
                    ["LepId"] = lepId,
                    ["EmployerId"] = employer,
                    ["Title"] = "Vacancy " + (v + 1).ToString(CultureInfo.InvariantCulture),
                    ["SocCode"] = Pick(socCodes),
                    ["Postcode"] = Postcode(postcodeArea),
                    ["HoursPerWeek"] = (decimal)Pick(new[] { 16, 20, 25, 30, 35, 37.5 }),
                    ["HourlyPay"] = Math.Round(11.5m + (decimal)random.NextDouble() * 4m, 2),
                    ["Contract"] = contract,
                    ["ContractMonths"] = contract == ContractType.FixedTerm ? 12 : null,
                    ["Days"] = new List<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
                    ["ClosingDate"] = open ? settings.Today.AddDays(random.Next(7, 60)) : settings.Today.AddDays(-random.Next(1, 700)),
                    ["MinimumScqfLevel"] = Chance(0.5) ? random.Next(3, 7) : null,
                    ["DrivingLicenceRequired"] = Chance(0.15),
                    ["Status"] = open ? VacancyStatus.Open : VacancyStatus.Filled,
                    ["CreatedAt"] = now.AddDays(-random.Next(10, 800)),
                    ["Version"] = NewId(),
                });
            }
        }

        return employers;
    }

    private string NextReference()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var n = referenceNumber++;
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = alphabet[n % 32];
            n /= 32;
        }

        return "NLB-" + new string(chars);
    }

    private void AddPerson(Guid lepId, string postcodeArea, List<Guid> keyWorkers, List<Guid> partners, List<Guid> employers, IReadOnlyList<string> socCodes)
    {
        var id = NewId();
        var fiveYearsAgo = settings.Today.AddYears(-5);
        var twoEngagements = referenceNumber % 5 == 0;
        var firstStart = twoEngagements
            ? fiveYearsAgo.AddDays(random.Next(0, 365 * 3))
            : fiveYearsAgo.AddDays(random.Next(0, 365 * 5 - 14));
        var age = Chance(0.35) ? random.Next(16, 25) : Chance(0.75) ? random.Next(25, 50) : random.Next(50, 65);
        var dateOfBirth = firstStart.AddYears(-age).AddDays(-random.Next(0, 365));
        var disabled = random.NextDouble() switch { < 0.19 => YesNo.Yes, < 0.90 => YesNo.No, < 0.94 => YesNo.PreferNotToSay, _ => (YesNo?)null };
        var sex = random.NextDouble() switch { < 0.47 => Sex.Female, < 0.98 => Sex.Male, _ => Nolb.Web.Domain.Participants.Sex.PreferNotToSay };
        var ethnicity = random.NextDouble() switch
        {
            < 0.78 => Ethnicity.WhiteScottish,
            < 0.84 => Ethnicity.WhiteOtherBritish,
            < 0.88 => Ethnicity.WhitePolish,
            < 0.91 => Ethnicity.AsianPakistani,
            < 0.93 => Ethnicity.African,
            < 0.95 => Ethnicity.MixedOrMultiple,
            < 0.97 => Ethnicity.OtherEthnicGroup,
            _ => Ethnicity.PreferNotToSay,
        };
        var parent = Chance(0.3);
        var given = Pick(GivenNames);
        load.Add<Participant>(new()
        {
            ["Id"] = id,
            ["Reference"] = NextReference(),
            ["LepId"] = lepId,
            ["GivenName"] = given,
            ["FamilyName"] = Pick(FamilyNames),
            ["DateOfBirth"] = dateOfBirth,
            ["Postcode"] = Postcode(postcodeArea),
            ["Phone"] = "07700 900" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            ["PreferredContact"] = Pick(new[] { ContactMethod.Phone, ContactMethod.Text, ContactMethod.Email }),
            ["EmploymentStatusAtStart"] = Pick(new[] { EmploymentStatus.UnemployedUnder12Months, EmploymentStatus.Unemployed12MonthsOrMore, EmploymentStatus.EconomicallyInactive, EmploymentStatus.EmployedInWorkPoverty }),
            ["BenefitsAtStart"] = Chance(0.7) ? new List<Benefit> { Benefit.UniversalCredit } : new List<Benefit>(),
            ["HighestScqfLevel"] = Chance(0.85) ? random.Next(1, 9) : null,
            ["Equality.Sex"] = sex,
            ["Equality.Disabled"] = disabled,
            ["Equality.Ethnicity"] = ethnicity,
            ["Equality.LongTermHealthCondition"] = disabled == YesNo.Yes || Chance(0.15) ? YesNo.Yes : YesNo.No,
            ["Circumstances.CareExperienced"] = age < 27 && Chance(0.08),
            ["Circumstances.Parent"] = parent,
            ["Circumstances.LoneParent"] = parent && Chance(0.4),
            ["Circumstances.ThreeOrMoreChildren"] = parent && Chance(0.15),
            ["Circumstances.MinorityEthnicFamily"] = parent && ethnicity is not (Ethnicity.WhiteScottish or Ethnicity.WhiteOtherBritish or Ethnicity.PreferNotToSay),
            ["Circumstances.DisabledParentOrChild"] = parent && disabled == YesNo.Yes,
            ["Circumstances.Carer"] = Chance(0.08),
            ["Circumstances.JusticeExperience"] = Chance(0.06),
            ["Circumstances.HomelessOrAtRisk"] = Chance(0.05),
            ["CreatedAt"] = At(firstStart, 10),
            ["CreatedByUserId"] = Pick(keyWorkers),
            ["Version"] = NewId(),
        });

        var left = AddEngagement(id, lepId, firstStart, disabled, keyWorkers, partners, employers, socCodes, mustClose: twoEngagements, openStage: out var stage);
        if (twoEngagements && left is { } firstLeft && firstLeft.AddDays(30) < settings.Today.AddDays(-7))
        {
            var secondStart = firstLeft.AddDays(random.Next(30, Math.Max(31, Math.Min(365, settings.Today.AddDays(-7).DayNumber - firstLeft.DayNumber))));
            AddEngagement(id, lepId, secondStart, disabled, keyWorkers, partners, employers, socCodes, mustClose: false, openStage: out stage);
        }

        if (stage is PipelineStage.VocationalActivity or PipelineStage.EmployerEngagementAndJobMatching || Chance(0.1))
        {
            load.Add<JobPreferences>(new()
            {
                ["Id"] = NewId(),
                ["ParticipantId"] = id,
                ["SocGoals"] = new List<string> { Pick(socCodes), Pick(socCodes) },
                ["MinHoursPerWeek"] = 16m,
                ["MaxHoursPerWeek"] = (decimal)random.Next(20, 40),
                ["AvailableDays"] = new List<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
                ["Travel"] = Pick(Enum.GetValues<TravelBand>()),
                ["HasDrivingLicence"] = Chance(0.4),
                ["Version"] = NewId(),
            });
        }
    }

    /// <summary>One engagement and its whole history; returns the leaving date (null while open) and the open engagement's stage.</summary>
    private DateOnly? AddEngagement(
        Guid participantId, Guid lepId, DateOnly start, YesNo? disabled, List<Guid> keyWorkers, List<Guid> partners, List<Guid> employers,
        IReadOnlyList<string> socCodes, bool mustClose, out PipelineStage? openStage)
    {
        var id = NewId();
        Engagements++;
        var keyWorker = Pick(keyWorkers);
        var today = settings.Today;

        // What happens, decided up front so that the rates are the published ones.
        var jobRate = disabled == YesNo.Yes ? 0.22 : disabled == YesNo.No ? 0.34 : 0.31;
        var roll = random.NextDouble();
        OutcomeKind? outcomeKind = roll < jobRate ? (Chance(0.05) ? OutcomeKind.SelfEmployment : OutcomeKind.JobEntry)
            : roll < jobRate + 0.14 ? (Chance(0.5) ? OutcomeKind.Education : OutcomeKind.Training)
            : roll < jobRate + 0.19 ? OutcomeKind.Volunteering : null;
        var outcomeDate = start.AddDays(random.Next(45, 300));
        DateOnly? leftOn;
        LeavingReason? reason;
        if (outcomeKind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment)
        {
            (leftOn, reason) = (outcomeDate.AddDays(random.Next(120, 400)), LeavingReason.EnteredEmployment);
        }
        else if (outcomeKind is OutcomeKind.Education or OutcomeKind.Training)
        {
            (leftOn, reason) = (outcomeDate.AddDays(random.Next(0, 30)), LeavingReason.EnteredEducationOrTraining);
        }
        else
        {
            (leftOn, reason) = (start.AddDays(random.Next(90, 540)), Pick(new[] { LeavingReason.NoLongerEngaging, LeavingReason.CompletedSupport, LeavingReason.ChoseToLeave, LeavingReason.MovedToAnotherArea, LeavingReason.IllHealth }));
        }

        if (mustClose && leftOn > start.AddDays(400))
        {
            leftOn = start.AddDays(random.Next(90, 400));
        }

        if (leftOn >= today)
        {
            (leftOn, reason) = (null, null);
        }

        var end = leftOn ?? today;
        if (outcomeDate > end)
        {
            outcomeKind = null;
        }

        // Stage moves: forward through the pipeline with the odd step back; stage 5 when a job starts.
        var moves = new List<(PipelineStage Stage, DateOnly Date)> { (PipelineStage.EngagementReferralAndAssessment, start) };
        var date = start;
        var stage = 1;
        var lastBeforeOutcome = outcomeKind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment ? outcomeDate : end;
        while (stage < 4)
        {
            date = date.AddDays(random.Next(14, 75));
            if (date >= lastBeforeOutcome)
            {
                break;
            }

            stage = stage > 1 && Chance(0.1) ? stage - 1 : stage + (Chance(0.15) ? 2 : 1);
            stage = Math.Min(stage, 4);
            moves.Add(((PipelineStage)stage, date));
        }

        if (outcomeKind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment)
        {
            moves.Add((PipelineStage.InWorkSupportAndAftercare, outcomeDate));
        }

        var current = moves[^1].Stage;
        openStage = leftOn is null ? current : null;
        load.Add<Engagement>(new()
        {
            ["Id"] = id,
            ["ParticipantId"] = participantId,
            ["LepId"] = lepId,
            ["StartDate"] = start,
            ["ReferralSource"] = Pick(Enum.GetValues<ReferralSource>()),
            ["FundingStreams"] = Chance(0.25) ? new List<FundingStream> { FundingStream.NoOneLeftBehind, FundingStream.YoungPersonsGuarantee } : new List<FundingStream> { FundingStream.NoOneLeftBehind },
            ["KeyWorkerId"] = keyWorker,
            ["CurrentStage"] = current,
            ["LeftOn"] = leftOn,
            ["LeavingReason"] = reason,
            ["Version"] = NewId(),
        });
        foreach (var (moveStage, moveDate) in moves)
        {
            load.Add<StageMove>(new()
            {
                ["Id"] = NewId(),
                ["EngagementId"] = id,
                ["Stage"] = moveStage,
                ["Date"] = moveDate,
                ["Reason"] = moveDate == start ? "Engagement started" : "Moved on review",
                ["RecordedByUserId"] = keyWorker,
                ["RecordedAt"] = At(moveDate, 11),
            });
        }

        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        AddActivity(id, lepId, participantId, start, end, days, keyWorker, partners, leftOn is null);
        if (outcomeKind is { } kind)
        {
            AddOutcome(id, lepId, kind, outcomeDate, keyWorker, employers, socCodes);
        }

        return leftOn;
    }

    private DateOnly Within(DateOnly start, int days) => start.AddDays(random.Next(0, days));

    private void AddActivity(Guid engagementId, Guid lepId, Guid participantId, DateOnly start, DateOnly end, int days, Guid keyWorker, List<Guid> partners, bool open)
    {
        var today = settings.Today;
        var interventions = random.Next(1, 6);
        for (var i = 0; i < interventions; i++)
        {
            var from = Within(start, days);
            DateOnly? to = from.AddDays(random.Next(1, 60)) is var t && t <= today ? t : null;
            var qualification = to is not null && Chance(0.2);
            var partner = Chance(0.4);
            load.Add<Intervention>(new()
            {
                ["Id"] = NewId(),
                ["EngagementId"] = engagementId,
                ["LepId"] = lepId,
                ["TypeId"] = Pick(seeded.InterventionTypes),
                ["DeliveredBy"] = partner ? DeliveredBy.PartnerOrganisation : DeliveredBy.OwnTeam,
                ["PartnerOrganisationId"] = partner ? Pick(partners) : null,
                ["StartDate"] = from,
                ["EndDate"] = to,
                ["Hours"] = (decimal)random.Next(1, 40),
                ["Outcome"] = to is null ? InterventionOutcome.Ongoing : Chance(0.8) ? InterventionOutcome.Completed : InterventionOutcome.DidNotComplete,
                ["QualificationTitle"] = qualification ? "Core skills certificate" : null,
                ["QualificationScqfLevel"] = qualification ? random.Next(3, 7) : null,
                ["QualificationAwardingBody"] = qualification ? "SQA" : null,
                ["RecordedByUserId"] = keyWorker,
                ["RecordedAt"] = At(from, 14),
                ["Version"] = NewId(),
            });
        }

        var notes = Math.Clamp(days / 28, 2, 10);
        for (var i = 0; i < notes; i++)
        {
            var on = Within(start, days);
            load.Add<CaseNote>(new()
            {
                ["Id"] = NewId(),
                ["EngagementId"] = engagementId,
                ["LepId"] = lepId,
                ["Date"] = on,
                ["Text"] = Pick(NoteTexts),
                ["Sensitivity"] = Chance(0.05) ? NoteSensitivity.Health : null,
                ["AuthorUserId"] = keyWorker,
                ["CreatedAt"] = At(on, 15),
                ["Version"] = NewId(),
            });
        }

        var appointments = Math.Clamp(days / 60, 1, 6);
        for (var i = 0; i <= appointments; i++)
        {
            // Open cases have one appointment still to come; the rest are past, mostly attended.
            var future = open && i == appointments;
            if (!future && i == appointments)
            {
                break;
            }

            var on = future ? today.AddDays(random.Next(1, 21)) : Within(start, days);
            load.Add<Appointment>(new()
            {
                ["Id"] = NewId(),
                ["EngagementId"] = engagementId,
                ["LepId"] = lepId,
                ["StartsAt"] = At(on, random.Next(9, 16)),
                ["DurationMinutes"] = 45,
                ["Channel"] = Pick(Enum.GetValues<AppointmentChannel>()),
                ["Place"] = "Employability hub",
                ["WithWhom"] = "Key worker",
                ["Purpose"] = "Review progress",
                ["StaffUserId"] = keyWorker,
                ["Attendance"] = future ? null : Chance(0.8) ? Attendance.Attended : Chance(0.5) ? Attendance.DidNotAttend : Attendance.Cancelled,
                ["AttendanceRecordedAt"] = future ? null : At(on, 17),
                ["RecordedByUserId"] = keyWorker,
                ["RecordedAt"] = At(on.AddDays(-7), 9),
                ["Version"] = NewId(),
            });
        }

        if (Chance(0.7))
        {
            var sent = Within(start, days);
            var status = sent.AddDays(14) > today ? ReferralStatus.Sent : Pick(new[] { ReferralStatus.Accepted, ReferralStatus.Completed, ReferralStatus.Declined, ReferralStatus.Accepted });
            load.Add<Referral>(new()
            {
                ["Id"] = NewId(),
                ["Direction"] = ReferralDirection.Outbound,
                ["LepId"] = lepId,
                ["ParticipantId"] = participantId,
                ["ToOrganisationId"] = Pick(partners),
                ["SentByUserId"] = keyWorker,
                ["SentAt"] = At(sent, 10),
                ["Reason"] = "Support with confidence and job search",
                ["ConsentToShare"] = true,
                ["Status"] = status,
                ["RespondedAt"] = status == ReferralStatus.Sent ? null : At(sent.AddDays(3), 10),
                ["DeclineReason"] = status == ReferralStatus.Declined ? DeclineReason.NoCapacity : null,
                ["FirstContactOn"] = status is ReferralStatus.Accepted or ReferralStatus.Completed ? sent.AddDays(random.Next(1, 15)) : null,
                ["CompletedAt"] = status == ReferralStatus.Completed ? At(sent.AddDays(30), 10) : null,
                ["Version"] = NewId(),
            });
        }

        if (Chance(0.6))
        {
            AddAssessment(engagementId, lepId, start.AddDays(random.Next(0, Math.Min(21, days))), keyWorker, 0);
            if (days > 120 && Chance(0.5))
            {
                AddAssessment(engagementId, lepId, start.AddDays(random.Next(90, days)), keyWorker, 1);
            }
        }
    }

    private static readonly AssessmentDomain[] AssessedDomains =
        [AssessmentDomain.Confidence, AssessmentDomain.Motivation, AssessmentDomain.DigitalSkills, AssessmentDomain.Transport, AssessmentDomain.Childcare, AssessmentDomain.MentalHealth];

    private void AddAssessment(Guid engagementId, Guid lepId, DateOnly on, Guid keyWorker, int improvement)
    {
        var id = NewId();
        load.Add<NeedsAssessment>(new()
        {
            ["Id"] = id,
            ["EngagementId"] = engagementId,
            ["LepId"] = lepId,
            ["AssessedOn"] = on,
            ["Strengths"] = "Reliable and good with people",
            ["AssessedByUserId"] = keyWorker,
            ["RecordedAt"] = At(on, 13),
        });
        foreach (var domain in AssessedDomains)
        {
            load.Add<DomainScore>(new()
            {
                ["Id"] = NewId(),
                ["NeedsAssessmentId"] = id,
                ["Domain"] = domain,
                ["Score"] = Math.Min(5, random.Next(1, 5) + improvement),
            });
        }
    }

    private void AddOutcome(Guid engagementId, Guid lepId, OutcomeKind kind, DateOnly start, Guid keyWorker, List<Guid> employers, IReadOnlyList<string> socCodes)
    {
        var id = NewId();
        var work = kind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment;
        var job = kind == OutcomeKind.JobEntry;
        load.Add<Outcome>(new()
        {
            ["Id"] = id,
            ["EngagementId"] = engagementId,
            ["LepId"] = lepId,
            ["Kind"] = kind,
            ["StartDate"] = start,
            ["EmployerId"] = job && Chance(0.5) ? Pick(employers) : null,
            ["OrganisationName"] = job ? null : "Local college",
            ["JobTitle"] = work ? "Assistant" : null,
            ["SocCode"] = work ? Pick(socCodes) : null,
            ["HoursPerWeek"] = job ? (decimal)Pick(new[] { 16, 20, 30, 35, 37.5 }) : null,
            ["HourlyPay"] = job ? Math.Round(11.4m + (decimal)random.NextDouble() * 4m, 2) : null,
            ["Contract"] = job ? (Chance(0.1) ? ContractType.ZeroHours : ContractType.Permanent) : null,
            ["RecordedByUserId"] = keyWorker,
            ["RecordedAt"] = At(start.AddDays(random.Next(0, 20)), 12),
            ["Version"] = NewId(),
        });
        if (!work)
        {
            return;
        }

        var lost = false;
        foreach (var point in new[] { SustainmentPoint.Weeks13, SustainmentPoint.Weeks26, SustainmentPoint.Weeks52 })
        {
            var due = Sustainment.DueDate(start, point);
            var checkedOn = due.AddDays(random.Next(0, 14));
            var recorded = !lost && checkedOn < settings.Today;
            var result = recorded ? (Chance(0.8) ? SustainmentResult.Sustained : Chance(0.6) ? SustainmentResult.NotSustained : SustainmentResult.UnableToContact) : (SustainmentResult?)null;
            load.Add<SustainmentCheck>(new()
            {
                ["Id"] = NewId(),
                ["OutcomeId"] = id,
                ["LepId"] = lepId,
                ["Point"] = point,
                ["DueDate"] = due,
                ["Result"] = result,
                ["Evidence"] = recorded ? SustainmentEvidence.ParticipantConfirmation : null,
                ["CheckedOn"] = recorded ? checkedOn : null,
                ["NotNeeded"] = lost,
                ["RecordedByUserId"] = recorded ? keyWorker : null,
                ["RecordedAt"] = recorded ? At(checkedOn, 16) : null,
                ["Version"] = NewId(),
            });
            lost |= result == SustainmentResult.NotSustained;
        }
    }
}
