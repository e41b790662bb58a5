using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>What someone says about a service, from the page, the API or an HSDS import.</summary>
public sealed record ServiceInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public Guid? OrganisationId { get; init; }

    /// <summary>The LEP whose directory lists it; empty for a national service (administrators only).</summary>
    public string? LepCode { get; init; }
    public ServiceKind? Kind { get; init; }
    public bool Active { get; init; } = true;
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string? EligibilityDescription { get; init; }
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    public IReadOnlyList<int> Stages { get; init; } = [];
    public IReadOnlyList<string> InterventionTypes { get; init; } = [];
    public string? Cost { get; init; }
    public int? PlacesPerQuarter { get; init; }
    public string? ReferralMethod { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? Website { get; init; }
    public string? FundingSource { get; init; }
    public IReadOnlyList<LocationInput> Locations { get; init; } = [];
    public IReadOnlyList<ScheduleInput> Schedules { get; init; } = [];
}

public sealed record LocationInput(Guid? Id, Guid? LinkId, string? Name, string? AddressLine, string? Town, string? Postcode);

public sealed record ScheduleInput(Guid? Id, string? ByDay, TimeOnly? OpensAt, TimeOnly? ClosesAt, string? Description);

/// <summary>Checks a service against the rules and saves it: shared by the pages, the API and the HSDS import.</summary>
public sealed class SaveDirectoryService(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record Result(DirectoryService? Service, IReadOnlyList<(string Field, string Message)> Errors, bool NotFound = false)
    {
        public bool Succeeded => Service is not null;
    }

    public async Task<Result> CreateAsync(ServiceInput input, CancellationToken ct, Guid? id = null)
    {
        var (lepId, errors) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var service = new DirectoryService { Id = id ?? Guid.NewGuid(), Name = input.Name!.Trim(), CreatedAt = now };
        Apply(service, input, lepId, now);
        db.DirectoryServices.Add(service);
        await db.SaveChangesAsync(ct);
        return new Result(service, []);
    }

    /// <summary>Updates the service if nobody else has saved it since <paramref name="version"/> was read.</summary>
    public async Task<Result> UpdateAsync(Guid id, ServiceInput input, Guid? version, CancellationToken ct)
    {
        var service = await LoadAsync(id, ct);
        if (service is null || !currentUser.CanSee(service))
        {
            return new Result(null, [], NotFound: true);
        }

        if (!currentUser.CanManage(service))
        {
            return new Result(null, [("", "Only an administrator can change a national service or another LEP's service")]);
        }

        var (lepId, errors) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        if (version is { } v)
        {
            db.Entry(service).Property(s => s.Version).OriginalValue = v;
        }

        Apply(service, input, lepId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(null, [("", "Someone else changed this service while you were editing it. Reload the page to see their change, then make yours again")]);
        }

        return new Result(service, []);
    }

    public Task<DirectoryService?> LoadAsync(Guid id, CancellationToken ct) =>
        db.DirectoryServices.Include(s => s.Locations).Include(s => s.Schedules).Include(s => s.Organisation).Include(s => s.Lep)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Every problem with the input, each naming its field (the API's camelCase names), and the LEP it resolves to.</summary>
    public async Task<(Guid? LepId, List<(string Field, string Message)> Errors)> ValidateAsync(ServiceInput input, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add((field, message));
            }
        }

        Check(!string.IsNullOrWhiteSpace(input.Name), "name", "Enter the service's name");
        Check((input.Name?.Trim().Length ?? 0) <= 200, "name", "The service's name must be 200 characters or fewer");
        Check((input.Description?.Length ?? 0) <= 4000, "description", "The description must be 4,000 characters or fewer");
        Check(input.Kind is { } k && Enum.IsDefined(k), "kind", "Choose what kind of service this is: employability, health, housing, money advice, justice, DWP, childcare, transport or other");

        Guid? lepId = null;
        if (!string.IsNullOrWhiteSpace(input.LepCode))
        {
            var code = CouncilAreaCodes.Normalise(input.LepCode);
            lepId = await db.Leps.Where(l => l.Code == code).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
            Check(lepId is not null, "lepCode", $"There is no LEP with the code {input.LepCode}. Use a council area code such as S12000049 (Glasgow City), or leave it empty for a national service");
        }

        if (errors.All(e => e.Item1 != "lepCode"))
        {
            Check(currentUser.MayPlaceIn(lepId), "lepCode", currentUser.SeesAllLeps()
                ? "Choose an LEP, or leave it empty for a national service"
                : "You can only add services to your own LEP's directory. Use your LEP's code");
        }

        Organisation? organisation = null;
        if (input.OrganisationId is { } orgId)
        {
            organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        }

        Check(organisation is not null && (organisation.LepId is null || organisation.LepId == lepId), "organisationId",
            "Choose the organisation that runs the service: one in the same LEP as the service, or a national one");
        Check(input.MinimumAge is null or >= 0 and <= 120, "minimumAge", "Enter the minimum age as a whole number from 0 to 120, or leave it empty");
        Check(input.MaximumAge is null or >= 0 and <= 120, "maximumAge", "Enter the maximum age as a whole number from 0 to 120, or leave it empty");
        Check(input.MinimumAge is null || input.MaximumAge is null || input.MinimumAge <= input.MaximumAge, "maximumAge", "The maximum age must be the same as or more than the minimum age");
        Check(input.TargetGroups.All(g => Enum.IsDefined(g)), "targetGroups", "Choose target groups from the list");
        Check(input.Stages.All(s => s is >= 1 and <= 5), "stages", "Choose pipeline stages from 1 to 5");
        var unknown = input.InterventionTypes.Where(c => !Domain.ServiceDirectory.InterventionTypes.IsKnown(c)).ToList();
        Check(unknown.Count == 0, "interventionTypes", $"Choose intervention types from the Annex 1 list; not known: {string.Join(", ", unknown)}");
        Check(input.PlacesPerQuarter is null or >= 0 and <= 100000, "placesPerQuarter", "Enter the places per quarter as a whole number of 0 or more, or leave it empty");
        Check((input.Cost?.Length ?? 0) <= 300, "cost", "The cost must be 300 characters or fewer");
        Check((input.ReferralMethod?.Length ?? 0) <= 1000, "referralMethod", "How to refer must be 1,000 characters or fewer");
        Check((input.EligibilityDescription?.Length ?? 0) <= 1000, "eligibilityDescription", "Who the service is for must be 1,000 characters or fewer");
        Check((input.ContactName?.Length ?? 0) <= 200, "contactName", "The contact name must be 200 characters or fewer");
        Check(string.IsNullOrWhiteSpace(input.ContactEmail) || (input.ContactEmail.Length <= 256 && MailAddress.TryCreate(input.ContactEmail.Trim(), out _)),
            "contactEmail", "Enter the contact email in the right format, like team@example.org");
        Check((input.ContactPhone?.Trim().Length ?? 0) <= 30, "contactPhone", "The contact phone number must be 30 characters or fewer");
        Check(string.IsNullOrWhiteSpace(input.Website)
            || (input.Website.Length <= 300 && Uri.TryCreate(input.Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)),
            "website", "Enter the website as a full address starting https://");
        Check((input.FundingSource?.Length ?? 0) <= 200, "fundingSource", "The funding source must be 200 characters or fewer");
        for (var i = 0; i < input.Locations.Count; i++)
        {
            var l = input.Locations[i];
            Check(!string.IsNullOrWhiteSpace(l.Name) && l.Name.Length <= 200, $"locations[{i}].name", "Enter the location's name, 200 characters or fewer");
            Check((l.Postcode?.Trim().Length ?? 0) <= 8, $"locations[{i}].postcode", "Enter the postcode in the usual form, like G1 1XQ");
            Check((l.AddressLine?.Length ?? 0) <= 300 && (l.Town?.Length ?? 0) <= 100, $"locations[{i}].addressLine", "The address must be 300 characters or fewer and the town 100");
        }

        for (var i = 0; i < input.Schedules.Count; i++)
        {
            var s = input.Schedules[i];
            var days = (s.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Check(days.Length > 0 && days.All(d => DirectoryLabels.DayCodes.Contains(d)), $"schedules[{i}].byDay", "Choose the days the service runs (MO, TU, WE, TH, FR, SA, SU)");
            Check(s.OpensAt is null || s.ClosesAt is null || s.OpensAt < s.ClosesAt, $"schedules[{i}].closesAt", "The closing time must be after the opening time");
            Check((s.Description?.Length ?? 0) <= 500, $"schedules[{i}].description", "The schedule's description must be 500 characters or fewer");
        }

        return (lepId, errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Apply(DirectoryService service, ServiceInput input, Guid? lepId, DateTime now)
    {
        service.Name = input.Name!.Trim();
        service.Description = Clean(input.Description);
        service.OrganisationId = input.OrganisationId!.Value;
        service.LepId = lepId;
        service.Kind = input.Kind!.Value;
        service.Active = input.Active;
        service.MinimumAge = input.MinimumAge;
        service.MaximumAge = input.MaximumAge;
        service.EligibilityDescription = Clean(input.EligibilityDescription);
        service.TargetGroups = input.TargetGroups.Distinct().Order().ToList();
        service.Stages = input.Stages.Distinct().Order().Select(s => (PipelineStage)s).ToList();
        service.InterventionTypes = input.InterventionTypes.Distinct().Order(StringComparer.Ordinal).ToList();
        service.Cost = Clean(input.Cost);
        service.PlacesPerQuarter = input.PlacesPerQuarter;
        service.ReferralMethod = Clean(input.ReferralMethod);
        service.ContactName = Clean(input.ContactName);
        service.ContactEmail = Clean(input.ContactEmail);
        service.ContactPhone = Clean(input.ContactPhone);
        service.Website = Clean(input.Website);
        service.FundingSource = Clean(input.FundingSource);
        service.UpdatedAt = now;

        // Locations and schedules keep their ids when the input names them (HSDS re-imports), so links stay stable.
        var keptLocations = input.Locations.Select(l => l.Id).OfType<Guid>().ToHashSet();
        foreach (var gone in service.Locations.Where(l => !keptLocations.Contains(l.Id)).ToList())
        {
            service.Locations.Remove(gone);
            db.Remove(gone);
        }

        foreach (var l in input.Locations)
        {
            var location = l.Id is { } lid ? service.Locations.SingleOrDefault(x => x.Id == lid) : null;
            if (location is null)
            {
                location = new ServiceLocation { Id = l.Id ?? Guid.NewGuid(), LinkId = l.LinkId ?? Guid.NewGuid(), ServiceId = service.Id, Name = l.Name!.Trim() };
                service.Locations.Add(location);
                db.Add(location);
            }

            location.Name = l.Name!.Trim();
            location.AddressLine = Clean(l.AddressLine);
            location.Town = Clean(l.Town);
            location.Postcode = Clean(l.Postcode)?.ToUpperInvariant();
        }

        var keptSchedules = input.Schedules.Select(s => s.Id).OfType<Guid>().ToHashSet();
        foreach (var gone in service.Schedules.Where(s => !keptSchedules.Contains(s.Id)).ToList())
        {
            service.Schedules.Remove(gone);
            db.Remove(gone);
        }

        foreach (var s in input.Schedules)
        {
            var schedule = s.Id is { } sid ? service.Schedules.SingleOrDefault(x => x.Id == sid) : null;
            var byDay = string.Join(',', s.ByDay!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct().OrderBy(d => Array.IndexOf(DirectoryLabels.DayCodes, d)));
            if (schedule is null)
            {
                schedule = new ServiceSchedule { Id = s.Id ?? Guid.NewGuid(), ServiceId = service.Id, ByDay = byDay };
                service.Schedules.Add(schedule);
                db.Add(schedule);
            }

            schedule.ByDay = byDay;
            schedule.OpensAt = s.OpensAt;
            schedule.ClosesAt = s.ClosesAt;
            schedule.Description = Clean(s.Description);
        }
    }
}
