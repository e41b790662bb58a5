using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

public sealed record EmployerDetails(
    string? Name, SicSection? Sector, SizeBand? Size, string? Town, string? Postcode, string? ContactName, string? ContactEmail, string? ContactPhone,
    bool RealLivingWageEmployer, bool YoungPersonsGuaranteePledge, DisabilityConfidentLevel? DisabilityConfident);

public sealed record VacancyDetails(
    Guid? EmployerId, string? Title, string? SocCode, string? Postcode, decimal? HoursPerWeek, decimal? HourlyPay, ContractType? Contract,
    int? ContractMonths, IReadOnlyList<DayOfWeek> Days, DateOnly? ClosingDate, int? MinimumScqfLevel, bool DrivingLicenceRequired, string? Requirements,
    VacancyStatus? Status);

public sealed record PlacementDetails(
    Guid? ParticipantId, string? ParticipantReference, Guid? EmployerId, PlacementKind? Kind, DateOnly? StartDate, DateOnly? EndDate, decimal? HoursPerWeek,
    decimal? WeeklyAllowance, decimal? HourlyWage, PlacementOutcome? Outcome, string? Notes);

public sealed record PreferenceDetails(
    IReadOnlyList<string> SocGoals, decimal? MinHoursPerWeek, decimal? MaxHoursPerWeek, IReadOnlyList<DayOfWeek> AvailableDays, TravelBand? Travel, bool HasDrivingLicence);

/// <summary>
/// Employers, their engagement log, vacancies and placements, and a person's job goals. Every employer
/// record belongs to the user's LEP: another LEP's answers not found (404). A change made against an
/// older version answers a conflict (412 in the API).
/// </summary>
public sealed class EmployerCommands(NolbDbContext db, CurrentUser currentUser, ParticipantRecords records, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this record while you were editing it. Reload to see their change, then make yours again";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    public IQueryable<Employer> Employers => db.Employers.Where(e => e.LepId == currentUser.LepId);

    public IQueryable<Vacancy> Vacancies => db.Vacancies.Include(v => v.Employer).Where(v => v.LepId == currentUser.LepId);

    public IQueryable<Placement> Placements => db.Placements.Include(p => p.Employer).Where(p => p.LepId == currentUser.LepId);

    public async Task<PlanningResult<Employer>> SaveEmployerAsync(Guid? id, EmployerDetails d, Guid? version, CancellationToken ct)
    {
        Employer? employer = null;
        if (id is not null)
        {
            employer = await Employers.SingleOrDefaultAsync(e => e.Id == id, ct);
            if (employer is null)
            {
                return PlanningResult.NotFound<Employer>();
            }
        }

        if (!currentUser.Has(Permissions.Employers.Manage))
        {
            return PlanningResult.Forbidden<Employer>();
        }

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 200)
        {
            errors.Add(("name", "Enter the employer's name, up to 200 characters"));
        }

        if (d.Sector is not { } sector || !Enum.IsDefined(sector))
        {
            errors.Add(("sector", "Choose the employer's sector (SIC 2007 section)"));
        }

        if (d.Size is not { } size || !Enum.IsDefined(size))
        {
            errors.Add(("size", "Choose how many people the employer employs"));
        }

        if (d.DisabilityConfident is { } level && !Enum.IsDefined(level))
        {
            errors.Add(("disabilityConfident", "Choose a Disability Confident level, or not signed up"));
        }

        if (d.Postcode?.Trim().Length > 8)
        {
            errors.Add(("postcode", "Enter a postcode like G31 2AB"));
        }

        if (d.ContactEmail is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256))
        {
            errors.Add(("contactEmail", "Enter the contact's email address in the right format, like name@example.org"));
        }

        if (d.Town?.Length > 100 || d.ContactName?.Length > 100 || d.ContactPhone?.Length > 30)
        {
            errors.Add(("contactName", "Keep the town and contact name to 100 characters and the phone number to 30"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Employer>(errors);
        }

        if (employer is null)
        {
            employer = new Employer { LepId = currentUser.LepId!.Value, Name = d.Name!.Trim(), CreatedAt = Now };
            db.Employers.Add(employer);
        }
        else if (version != employer.Version)
        {
            return PlanningResult.Conflict<Employer>(ConflictMessage);
        }

        employer.Name = d.Name!.Trim();
        employer.Sector = d.Sector!.Value;
        employer.Size = d.Size!.Value;
        employer.Town = Clean(d.Town);
        employer.Postcode = Clean(d.Postcode)?.ToUpperInvariant();
        employer.ContactName = Clean(d.ContactName);
        employer.ContactEmail = Clean(d.ContactEmail);
        employer.ContactPhone = Clean(d.ContactPhone);
        employer.RealLivingWageEmployer = d.RealLivingWageEmployer;
        employer.YoungPersonsGuaranteePledge = d.YoungPersonsGuaranteePledge;
        employer.DisabilityConfident = d.DisabilityConfident ?? DisabilityConfidentLevel.NotSignedUp;
        return await SaveAsync(employer, ct);
    }

    public async Task<PlanningResult<EmployerActivity>> AddActivityAsync(Guid employerId, DateOnly? date, EmployerActivityKind? kind, string? notes, CancellationToken ct)
    {
        var employer = await Employers.SingleOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null)
        {
            return PlanningResult.NotFound<EmployerActivity>();
        }

        if (!currentUser.Has(Permissions.Employers.Manage))
        {
            return PlanningResult.Forbidden<EmployerActivity>();
        }

        var errors = new List<(string, string)>();
        if (date is null || date > Today)
        {
            errors.Add(("date", "Enter the date of the activity, today or earlier"));
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(("kind", "Choose what kind of activity it was"));
        }

        if (string.IsNullOrWhiteSpace(notes) || notes.Length > 2000)
        {
            errors.Add(("notes", "Say what was done, in up to 2,000 characters"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<EmployerActivity>(errors);
        }

        var activity = new EmployerActivity { EmployerId = employerId, Date = date!.Value, Kind = kind!.Value, Notes = notes!.Trim(), RecordedByUserId = UserId, RecordedAt = Now };
        db.EmployerActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(activity);
    }

    public async Task<PlanningResult<Vacancy>> SaveVacancyAsync(Guid? id, VacancyDetails d, Guid? version, CancellationToken ct)
    {
        Vacancy? vacancy = null;
        if (id is not null)
        {
            vacancy = await Vacancies.SingleOrDefaultAsync(v => v.Id == id, ct);
            if (vacancy is null)
            {
                return PlanningResult.NotFound<Vacancy>();
            }
        }

        if (!currentUser.Has(Permissions.Employers.Manage))
        {
            return PlanningResult.Forbidden<Vacancy>();
        }

        var errors = new List<(string, string)>();
        if (d.EmployerId is not { } employerId || !await Employers.AnyAsync(e => e.Id == employerId, ct))
        {
            errors.Add(("employerId", "Choose the employer from your LEP's list"));
        }

        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > 200)
        {
            errors.Add(("title", "Enter the job title, up to 200 characters"));
        }

        if (!Occupations.IsValidCode(d.SocCode))
        {
            errors.Add(("socCode", "Enter the SOC 2020 occupation as four digits, like 9263 for kitchen and catering assistants"));
        }

        if (d.HoursPerWeek is { } hours && hours is <= 0 or > 100)
        {
            errors.Add(("hoursPerWeek", "Enter the hours a week, more than 0 and no more than 100, or leave it empty if they are not fixed"));
        }

        if (d.HourlyPay is { } pay && pay is <= 0 or > 1000)
        {
            errors.Add(("hourlyPay", "Enter the hourly pay in pounds, like 12.60"));
        }

        if (d.Contract is not { } contract || !Enum.IsDefined(contract) || contract == ContractType.SelfEmployed)
        {
            errors.Add(("contract", "Choose the contract: permanent, fixed term or zero hours"));
        }
        else if (contract == ContractType.FixedTerm && d.ContractMonths is not (>= 1 and <= 120))
        {
            errors.Add(("contractMonths", "Enter the length of the fixed-term contract in months, from 1 to 120"));
        }

        if (d.Days.Any(day => !Enum.IsDefined(day)))
        {
            errors.Add(("days", "Choose working days from Monday to Sunday"));
        }

        if (vacancy is null && d.ClosingDate is { } closing && closing < Today)
        {
            errors.Add(("closingDate", "The closing date cannot be in the past"));
        }

        if (d.MinimumScqfLevel is { } level && level is < 1 or > 12)
        {
            errors.Add(("minimumScqfLevel", "Enter an SCQF level from 1 to 12, or leave it empty"));
        }

        if (d.Requirements?.Length > 2000)
        {
            errors.Add(("requirements", "Keep the requirements to 2,000 characters"));
        }

        if (d.Postcode?.Trim().Length > 8)
        {
            errors.Add(("postcode", "Enter a postcode like G31 2AB"));
        }

        if (d.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(("status", "Choose open, filled or withdrawn"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Vacancy>(errors);
        }

        if (vacancy is null)
        {
            vacancy = new Vacancy { LepId = currentUser.LepId!.Value, Title = d.Title!.Trim(), SocCode = d.SocCode!.Trim(), CreatedAt = Now };
            db.Vacancies.Add(vacancy);
        }
        else if (version != vacancy.Version)
        {
            return PlanningResult.Conflict<Vacancy>(ConflictMessage);
        }

        vacancy.EmployerId = d.EmployerId!.Value;
        vacancy.Title = d.Title!.Trim();
        vacancy.SocCode = d.SocCode!.Trim();
        vacancy.Postcode = Clean(d.Postcode)?.ToUpperInvariant();
        vacancy.HoursPerWeek = d.HoursPerWeek;
        vacancy.HourlyPay = d.HourlyPay;
        vacancy.Contract = d.Contract!.Value;
        vacancy.ContractMonths = d.Contract == ContractType.FixedTerm ? d.ContractMonths : null;
        vacancy.Days = d.Days.Distinct().ToList();
        vacancy.ClosingDate = d.ClosingDate;
        vacancy.MinimumScqfLevel = d.MinimumScqfLevel;
        vacancy.DrivingLicenceRequired = d.DrivingLicenceRequired;
        vacancy.Requirements = Clean(d.Requirements);
        vacancy.Status = d.Status ?? vacancy.Status;
        return await SaveAsync(vacancy, ct);
    }

    public async Task<PlanningResult<Placement>> SavePlacementAsync(Guid? id, PlacementDetails d, Guid? version, CancellationToken ct)
    {
        Placement? placement = null;
        if (id is not null)
        {
            placement = await Placements.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (placement is null)
            {
                return PlanningResult.NotFound<Placement>();
            }
        }

        if (!currentUser.Has(Permissions.Employers.Manage))
        {
            return PlanningResult.Forbidden<Placement>();
        }

        var errors = new List<(string, string)>();
        var lepId = currentUser.LepId;
        var reference = d.ParticipantReference?.Trim().ToUpperInvariant();
        var participantId = placement?.ParticipantId
            ?? await db.Participants.Where(p => p.LepId == lepId && (p.Id == d.ParticipantId || p.Reference == reference)).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (participantId is null)
        {
            errors.Add((d.ParticipantId is null ? "participantReference" : "participantId", "Enter the reference of a person your LEP supports"));
        }

        if (d.EmployerId is not { } employerId || !await Employers.AnyAsync(e => e.Id == employerId, ct))
        {
            errors.Add(("employerId", "Choose the employer from your LEP's list"));
        }

        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", "Choose the kind of placement"));
        }

        if (d.StartDate is null)
        {
            errors.Add(("startDate", "Enter the start date"));
        }
        else if (d.EndDate is { } end && end < d.StartDate)
        {
            errors.Add(("endDate", "The end date cannot be before the start date"));
        }

        if (d.HoursPerWeek is { } hours && hours is <= 0 or > 100)
        {
            errors.Add(("hoursPerWeek", "Enter the hours a week, more than 0 and no more than 100"));
        }

        if (d.WeeklyAllowance is < 0 || d.HourlyWage is < 0)
        {
            errors.Add(("weeklyAllowance", "An allowance or wage cannot be negative"));
        }

        if (d.Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            errors.Add(("outcome", "Choose how the placement went"));
        }

        if (d.Notes?.Length > 1000)
        {
            errors.Add(("notes", "Keep the notes to 1,000 characters"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<Placement>(errors);
        }

        if (placement is null)
        {
            placement = new Placement { LepId = lepId!.Value, ParticipantId = participantId!.Value, CreatedAt = Now };
            db.Placements.Add(placement);
        }
        else if (version != placement.Version)
        {
            return PlanningResult.Conflict<Placement>(ConflictMessage);
        }

        placement.EmployerId = d.EmployerId!.Value;
        placement.Kind = d.Kind!.Value;
        placement.StartDate = d.StartDate!.Value;
        placement.EndDate = d.EndDate;
        placement.HoursPerWeek = d.HoursPerWeek;
        placement.WeeklyAllowance = d.WeeklyAllowance;
        placement.HourlyWage = d.HourlyWage;
        placement.Outcome = d.Outcome ?? PlacementOutcome.Ongoing;
        placement.Notes = Clean(d.Notes);
        return await SaveAsync(placement, ct);
    }

    /// <summary>The person's job goals, if the user may see them (null: 404); made empty the first time.</summary>
    public async Task<(JobPreferences? Preferences, Domain.Participants.Participant? Participant, bool CanEdit)> PreferencesAsync(Guid participantId, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(participantId, ct);
        if (participant is null)
        {
            return (null, null, false);
        }

        var preferences = await db.JobPreferences.SingleOrDefaultAsync(p => p.ParticipantId == participantId, ct)
            ?? new JobPreferences { ParticipantId = participantId };
        return (preferences, participant, canEdit);
    }

    public async Task<PlanningResult<JobPreferences>> SavePreferencesAsync(Guid participantId, PreferenceDetails d, Guid? version, CancellationToken ct)
    {
        var (preferences, _, canEdit) = await PreferencesAsync(participantId, ct);
        if (preferences is null)
        {
            return PlanningResult.NotFound<JobPreferences>();
        }

        if (!canEdit)
        {
            return PlanningResult.Forbidden<JobPreferences>();
        }

        var goals = d.SocGoals.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct().ToList();
        var errors = new List<(string, string)>();
        if (goals.Any(g => !Occupations.IsValidGoal(g)) || goals.Count > 10)
        {
            errors.Add(("socGoals", "Enter up to 10 job goals, each a SOC 2020 code of four digits (like 6135) or a major group of one digit (like 9)"));
        }

        if (d.MinHoursPerWeek is < 0 or > 100 || d.MaxHoursPerWeek is <= 0 or > 100)
        {
            errors.Add(("minHoursPerWeek", "Enter hours a week from 0 to 100"));
        }
        else if (d.MinHoursPerWeek is { } min && d.MaxHoursPerWeek is { } max && min > max)
        {
            errors.Add(("maxHoursPerWeek", "The most hours cannot be fewer than the fewest"));
        }

        if (d.AvailableDays.Any(day => !Enum.IsDefined(day)))
        {
            errors.Add(("availableDays", "Choose days from Monday to Sunday"));
        }

        if (d.Travel is { } travel && !Enum.IsDefined(travel))
        {
            errors.Add(("travel", "Choose how far the person will travel"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<JobPreferences>(errors);
        }

        var isNew = db.Entry(preferences).State == EntityState.Detached;
        if (isNew)
        {
            db.JobPreferences.Add(preferences);
        }
        else if (version != preferences.Version)
        {
            return PlanningResult.Conflict<JobPreferences>(ConflictMessage);
        }

        preferences.SocGoals = goals;
        preferences.MinHoursPerWeek = d.MinHoursPerWeek;
        preferences.MaxHoursPerWeek = d.MaxHoursPerWeek;
        preferences.AvailableDays = d.AvailableDays.Distinct().ToList();
        preferences.Travel = d.Travel ?? TravelBand.SameArea;
        preferences.HasDrivingLicence = d.HasDrivingLicence;
        return await SaveAsync(preferences, ct);
    }

    private async Task<PlanningResult<T>> SaveAsync<T>(T entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<T>(ConflictMessage);
        }

        return PlanningResult.Done(entity);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
