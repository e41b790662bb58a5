using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Employers;

namespace Nolb.Web.Features.Vacancies;

/// <summary>The vacancy form's fields, shared by adding and changing a vacancy.</summary>
public sealed class VacancyForm
{
    public Guid? EmployerId { get; set; }
    public string? Title { get; set; }
    public string? SocCode { get; set; }
    public string? Postcode { get; set; }
    public decimal? HoursPerWeek { get; set; }
    public decimal? HourlyPay { get; set; }
    public ContractType? Contract { get; set; }
    public int? ContractMonths { get; set; }
    public List<DayOfWeek> Days { get; set; } = [];
    public DateOnly? ClosingDate { get; set; }
    public int? MinimumScqfLevel { get; set; }
    public bool DrivingLicenceRequired { get; set; }
    public string? Requirements { get; set; }
    public VacancyStatus? Status { get; set; }
    public Guid? Version { get; set; }

    public VacancyDetails ToDetails() => new(EmployerId, Title, SocCode, Postcode, HoursPerWeek, HourlyPay, Contract, ContractMonths, Days, ClosingDate,
        MinimumScqfLevel, DrivingLicenceRequired, Requirements, Status);

    public static VacancyForm From(Vacancy v) => new()
    {
        EmployerId = v.EmployerId,
        Title = v.Title,
        SocCode = v.SocCode,
        Postcode = v.Postcode,
        HoursPerWeek = v.HoursPerWeek,
        HourlyPay = v.HourlyPay,
        Contract = v.Contract,
        ContractMonths = v.ContractMonths,
        Days = v.Days,
        ClosingDate = v.ClosingDate,
        MinimumScqfLevel = v.MinimumScqfLevel,
        DrivingLicenceRequired = v.DrivingLicenceRequired,
        Requirements = v.Requirements,
        Status = v.Status,
        Version = v.Version,
    };

    public static async Task<IReadOnlyList<SelectListItem>> EmployersAsync(EmployerCommands commands, CancellationToken ct) =>
        await commands.Employers.OrderBy(e => e.Name).Select(e => new SelectListItem(e.Name, e.Id.ToString())).ToListAsync(ct);
}
