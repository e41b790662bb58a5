using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

public sealed record SchemeDetails(
    decimal? MinimumHourlyPay, decimal? MinimumHoursPerWeek, int? MinimumContractMonths, bool ZeroHoursAllowed,
    decimal? PaymentAtStart, decimal? PaymentAt13Weeks, decimal? PaymentAt26Weeks, decimal? PaymentAt52Weeks);

public sealed record ApplicationDetails(
    Guid? ParticipantId, string? ParticipantReference, Guid? EmployerId, string? JobTitle, DateOnly? StartDate, decimal? HourlyPay, decimal? HoursPerWeek,
    ContractType? Contract, int? ContractMonths, bool NoDisplacementConfirmed);

/// <summary>
/// Employer Recruitment Incentives: the LEP's scheme for each financial year (set by the LEP manager), applications
/// (employer engagement officers), and decisions and payments (LEP managers). Another LEP's answers not found.
/// </summary>
public sealed class IncentiveCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this application while you were looking at it. Reload to see their change";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    public IQueryable<IncentiveScheme> Schemes => db.IncentiveSchemes.Where(s => s.LepId == currentUser.LepId);

    public IQueryable<IncentiveApplication> Applications =>
        db.IncentiveApplications.Include(a => a.Scheme).Include(a => a.Employer).Include(a => a.Payments).Where(a => a.LepId == currentUser.LepId);

    public async Task<PlanningResult<IncentiveScheme>> SaveSchemeAsync(int year, SchemeDetails d, CancellationToken ct)
    {
        if (!currentUser.Has(Permissions.Employers.ApproveIncentives))
        {
            return PlanningResult.Forbidden<IncentiveScheme>();
        }

        var errors = new List<(string, string)>();
        if (year is < 2020 or > 2100)
        {
            errors.Add(("financialYear", "Enter the year the financial year starts in, like 2026 for 2026-27"));
        }

        if (d.MinimumHourlyPay is not (>= 0 and <= 1000))
        {
            errors.Add(("minimumHourlyPay", "Enter the minimum hourly pay in pounds, like 12.60"));
        }

        if (d.MinimumHoursPerWeek is not (>= 0 and <= 100))
        {
            errors.Add(("minimumHoursPerWeek", "Enter the minimum hours a week, like 16"));
        }

        if (d.MinimumContractMonths is not (>= 0 and <= 120))
        {
            errors.Add(("minimumContractMonths", "Enter the shortest fixed-term contract accepted in months, from 0 to 120"));
        }

        foreach (var (field, amount) in new[] { ("paymentAtStart", d.PaymentAtStart), ("paymentAt13Weeks", d.PaymentAt13Weeks), ("paymentAt26Weeks", d.PaymentAt26Weeks), ("paymentAt52Weeks", d.PaymentAt52Weeks) })
        {
            if (amount is < 0 or > 100000)
            {
                errors.Add((field, "Enter a payment in pounds from 0 to 100,000, or leave it empty for none"));
            }
        }

        if ((d.PaymentAtStart ?? 0) + (d.PaymentAt13Weeks ?? 0) + (d.PaymentAt26Weeks ?? 0) + (d.PaymentAt52Weeks ?? 0) <= 0)
        {
            errors.Add(("paymentAtStart", "Enter at least one payment"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<IncentiveScheme>(errors);
        }

        var scheme = await Schemes.SingleOrDefaultAsync(s => s.FinancialYear == year, ct);
        if (scheme is null)
        {
            scheme = new IncentiveScheme { LepId = currentUser.LepId!.Value, FinancialYear = year };
            db.IncentiveSchemes.Add(scheme);
        }

        scheme.MinimumHourlyPay = d.MinimumHourlyPay!.Value;
        scheme.MinimumHoursPerWeek = d.MinimumHoursPerWeek!.Value;
        scheme.MinimumContractMonths = d.MinimumContractMonths!.Value;
        scheme.ZeroHoursAllowed = d.ZeroHoursAllowed;
        scheme.PaymentAtStart = d.PaymentAtStart ?? 0;
        scheme.PaymentAt13Weeks = d.PaymentAt13Weeks ?? 0;
        scheme.PaymentAt26Weeks = d.PaymentAt26Weeks ?? 0;
        scheme.PaymentAt52Weeks = d.PaymentAt52Weeks ?? 0;
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(scheme);
    }

    public async Task<PlanningResult<IncentiveApplication>> ApplyAsync(ApplicationDetails d, CancellationToken ct)
    {
        if (!currentUser.Has(Permissions.Employers.Manage))
        {
            return PlanningResult.Forbidden<IncentiveApplication>();
        }

        var lepId = currentUser.LepId;
        var errors = new List<(string, string)>();
        var reference = d.ParticipantReference?.Trim().ToUpperInvariant();
        var participantId = await db.Participants.Where(p => p.LepId == lepId && (p.Id == d.ParticipantId || p.Reference == reference))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (participantId is null)
        {
            errors.Add((d.ParticipantId is null ? "participantReference" : "participantId", "Enter the reference of a person your LEP supports"));
        }

        if (d.EmployerId is not { } employerId || !await db.Employers.AnyAsync(e => e.Id == employerId && e.LepId == lepId, ct))
        {
            errors.Add(("employerId", "Choose the employer from your LEP's list"));
        }

        if (string.IsNullOrWhiteSpace(d.JobTitle) || d.JobTitle.Length > 200)
        {
            errors.Add(("jobTitle", "Enter the job title, up to 200 characters"));
        }

        IncentiveScheme? scheme = null;
        if (d.StartDate is not { } start)
        {
            errors.Add(("startDate", "Enter the date the job starts or started"));
        }
        else
        {
            var year = IncentiveScheme.FinancialYearOf(start);
            scheme = await Schemes.SingleOrDefaultAsync(s => s.FinancialYear == year, ct);
            if (scheme is null)
            {
                errors.Add(("startDate", $"Your LEP has no recruitment incentive scheme for {year}-{(year + 1) % 100:00}. Ask your LEP manager to set one up"));
            }
        }

        if (d.HourlyPay is not (> 0 and <= 1000))
        {
            errors.Add(("hourlyPay", "Enter the hourly pay in pounds, like 12.60"));
        }

        if (d.HoursPerWeek is not (> 0 and <= 100))
        {
            errors.Add(("hoursPerWeek", "Enter the hours a week, more than 0 and no more than 100"));
        }

        if (d.Contract is not { } contract || !Enum.IsDefined(contract) || contract == ContractType.SelfEmployed)
        {
            errors.Add(("contract", "Choose the contract: permanent, fixed term or zero hours"));
        }
        else if (contract == ContractType.FixedTerm && d.ContractMonths is not (>= 1 and <= 120))
        {
            errors.Add(("contractMonths", "Enter the length of the fixed-term contract in months, from 1 to 120"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<IncentiveApplication>(errors);
        }

        var application = new IncentiveApplication
        {
            LepId = lepId!.Value,
            SchemeId = scheme!.Id,
            Scheme = scheme,
            EmployerId = d.EmployerId!.Value,
            ParticipantId = participantId!.Value,
            JobTitle = d.JobTitle!.Trim(),
            StartDate = d.StartDate!.Value,
            HourlyPay = d.HourlyPay!.Value,
            HoursPerWeek = d.HoursPerWeek!.Value,
            Contract = d.Contract!.Value,
            ContractMonths = d.Contract == ContractType.FixedTerm ? d.ContractMonths : null,
            NoDisplacementConfirmed = d.NoDisplacementConfirmed,
            CreatedByUserId = UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IncentiveApplications.Add(application);
        await db.SaveChangesAsync(ct);
        await db.Entry(application).Reference(a => a.Employer).LoadAsync(ct);
        return PlanningResult.Done(application);
    }

    public enum Decision
    {
        Approve,
        Reject,
    }

    /// <summary>Approves (with an override reason when a standard is not met) or rejects, if nobody has changed it since <paramref name="version"/>.</summary>
    public Task<PlanningResult<IncentiveApplication>> DecideAsync(Guid id, Decision? decision, string? reason, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => decision switch
        {
            Decision.Approve => a.Approve(a.Scheme!, reason, UserId, Today),
            Decision.Reject => a.Reject(reason, UserId, Today),
            _ => [("decision", "Choose approve or reject")],
        }, ct);

    public Task<PlanningResult<IncentiveApplication>> RecordPaymentAsync(Guid id, Guid paymentId, DateOnly? paidOn, Guid? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => a.RecordPayment(paymentId, paidOn, Today), ct);

    private async Task<PlanningResult<IncentiveApplication>> ChangeAsync(
        Guid id, Guid? version, Func<IncentiveApplication, IReadOnlyList<(string Field, string Message)>> change, CancellationToken ct)
    {
        var application = await Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return PlanningResult.NotFound<IncentiveApplication>();
        }

        if (!currentUser.Has(Permissions.Employers.ApproveIncentives))
        {
            return PlanningResult.Forbidden<IncentiveApplication>();
        }

        if (version != application.Version)
        {
            return PlanningResult.Conflict<IncentiveApplication>(ConflictMessage);
        }

        var existing = application.Payments.Select(p => p.Id).ToHashSet();
        var errors = change(application);
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<IncentiveApplication>(errors);
        }

        foreach (var payment in application.Payments.Where(p => !existing.Contains(p.Id)))
        {
            db.Entry(payment).State = EntityState.Added;
        }

        // A payment is a child row: the application's version must move on too, so a stale If-Match is refused.
        application.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<IncentiveApplication>(ConflictMessage);
        }

        return PlanningResult.Done(application);
    }
}
