using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>The add and change forms for a service: one location and one weekly schedule (the API takes any number).</summary>
public sealed class ServiceForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public Guid? OrganisationId { get; set; }
    public string? LepCode { get; set; }
    public ServiceKind? Kind { get; set; }
    public bool Active { get; set; } = true;
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? EligibilityDescription { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<int> Stages { get; set; } = [];
    public List<string> InterventionTypes { get; set; } = [];
    public string? Cost { get; set; }
    public int? PlacesPerQuarter { get; set; }
    public string? ReferralMethod { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }
    public string? FundingSource { get; set; }
    public string? LocationName { get; set; }
    public string? AddressLine { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public List<string> Days { get; set; } = [];
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public Guid? Version { get; set; }
    public Guid? LocationId { get; set; }
    public Guid? ScheduleId { get; set; }

    public ServiceInput ToInput() => new()
    {
        Name = Name,
        Description = Description,
        OrganisationId = OrganisationId,
        LepCode = LepCode,
        Kind = Kind,
        Active = Active,
        MinimumAge = MinimumAge,
        MaximumAge = MaximumAge,
        EligibilityDescription = EligibilityDescription,
        TargetGroups = TargetGroups,
        Stages = Stages,
        InterventionTypes = InterventionTypes,
        Cost = Cost,
        PlacesPerQuarter = PlacesPerQuarter,
        ReferralMethod = ReferralMethod,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        Website = Website,
        FundingSource = FundingSource,
        Locations = string.IsNullOrWhiteSpace(LocationName) && string.IsNullOrWhiteSpace(AddressLine) && string.IsNullOrWhiteSpace(Postcode)
            ? [] : [new LocationInput(LocationId, null, LocationName, AddressLine, Town, Postcode)],
        Schedules = Days.Count == 0 && OpensAt is null ? [] : [new ScheduleInput(ScheduleId, string.Join(',', Days), OpensAt, ClosesAt, null)],
    };

    public static ServiceForm From(DirectoryService s)
    {
        var location = s.Locations.OrderBy(l => l.Name).FirstOrDefault();
        var schedule = s.Schedules.FirstOrDefault();
        return new()
        {
            Name = s.Name,
            Description = s.Description,
            OrganisationId = s.OrganisationId,
            LepCode = s.Lep?.Code,
            Kind = s.Kind,
            Active = s.Active,
            MinimumAge = s.MinimumAge,
            MaximumAge = s.MaximumAge,
            EligibilityDescription = s.EligibilityDescription,
            TargetGroups = s.TargetGroups,
            Stages = s.Stages.Select(x => (int)x).ToList(),
            InterventionTypes = s.InterventionTypes,
            Cost = s.Cost,
            PlacesPerQuarter = s.PlacesPerQuarter,
            ReferralMethod = s.ReferralMethod,
            ContactName = s.ContactName,
            ContactEmail = s.ContactEmail,
            ContactPhone = s.ContactPhone,
            Website = s.Website,
            FundingSource = s.FundingSource,
            LocationId = location?.Id,
            LocationName = location?.Name,
            AddressLine = location?.AddressLine,
            Town = location?.Town,
            Postcode = location?.Postcode,
            ScheduleId = schedule?.Id,
            Days = schedule?.ByDay.Split(',').ToList() ?? [],
            OpensAt = schedule?.OpensAt,
            ClosesAt = schedule?.ClosesAt,
            Version = s.Version,
        };
    }

    /// <summary>Puts each error on its form field (the rules name fields as the API does).</summary>
    public static void AddErrorsTo(ModelStateDictionary modelState, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            var name = field switch
            {
                "" => "",
                _ when field.StartsWith("locations", StringComparison.Ordinal) => "Input.LocationName",
                _ when field.StartsWith("schedules", StringComparison.Ordinal) => field.EndsWith("closesAt", StringComparison.Ordinal) ? "Input.ClosesAt" : "Input.Days",
                _ => $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}",
            };
            modelState.AddModelError(name, message);
        }
    }

    /// <summary>Organisations a service may belong to: the user's LEP's and national ones (every one for national roles).</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OrganisationsAsync(NolbDbContext db, CurrentUser user, CancellationToken ct) =>
        await db.Organisations.VisibleTo(user).OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
}
