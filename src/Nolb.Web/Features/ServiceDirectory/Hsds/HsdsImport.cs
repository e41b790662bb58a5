using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory.Hsds;

/// <summary>One problem in an import: where (file and row, or JSON path), which HSDS field, and what to fix.</summary>
public sealed record ImportProblem(string Where, string Field, string Message);

public sealed record ImportReport(int Created, int Updated, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads HSDS 3.0 (JSON or the zipped CSV package) and applies it to the directory. Everything is checked
/// before anything is kept: any problem and the whole import is rolled back, so a bad file changes nothing.
/// Rows are matched on their HSDS ids, so importing the same file twice updates rather than duplicates.
/// </summary>
public sealed class HsdsImport(NolbDbContext db, SaveDirectoryService save, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The largest file taken, and the most a zipped package may unpack to: a whole LEP's directory is well under both.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxExpandedBytes = 100 * 1024 * 1024;

    private static readonly string[] Statuses = ["active", "inactive", "defunct", "temporarily closed"];

    public static HsdsDataset ReadJson(Stream stream, List<ImportProblem> problems)
    {
        var data = new HsdsDataset();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            problems.Add(new("file", "", $"The file is not valid JSON: {e.Message}"));
            return data;
        }

        using (document)
        {
            var root = document.RootElement;
            var services = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array ? contents
                : default;
            if (services.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new("file", "contents", "Send an array of HSDS services, or an HSDS page with the services in \"contents\""));
                return data;
            }

            var index = 0;
            foreach (var s in services.EnumerateArray())
            {
                var where = $"contents[{index++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(where, "", "Each service must be a JSON object"));
                    continue;
                }

                var service = Read<ServiceRow>(s, where, problems);
                data.Services.Add(service);
                if (s.TryGetProperty("organization", out var organisation) && organisation.ValueKind == JsonValueKind.Object)
                {
                    var row = Read<OrganizationRow>(organisation, $"{where}.organization", problems);
                    if (data.Organizations.All(o => o.Id != row.Id))
                    {
                        data.Organizations.Add(row);
                    }

                    service.OrganizationId ??= row.Id;
                }

                foreach (var (link, at) in Items(s, "service_at_locations", where))
                {
                    var row = Read<ServiceAtLocationRow>(link, at, problems);
                    row.ServiceId ??= service.Id;
                    if (link.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
                    {
                        var locationRow = Read<LocationRow>(location, $"{at}.location", problems);
                        row.LocationId ??= locationRow.Id;
                        data.Locations.Add(locationRow);
                        foreach (var (address, addressAt) in Items(location, "addresses", $"{at}.location"))
                        {
                            var addressRow = Read<AddressRow>(address, addressAt, problems);
                            addressRow.LocationId ??= locationRow.Id;
                            data.Addresses.Add(addressRow);
                        }
                    }

                    data.ServiceAtLocations.Add(row);
                }

                foreach (var (item, at) in Items(s, "contacts", where))
                {
                    var row = Read<ContactRow>(item, at, problems);
                    row.ServiceId ??= service.Id;
                    data.Contacts.Add(row);
                }

                foreach (var (item, at) in Items(s, "phones", where))
                {
                    var row = Read<PhoneRow>(item, at, problems);
                    row.ServiceId ??= service.Id;
                    data.Phones.Add(row);
                }

                foreach (var (item, at) in Items(s, "schedules", where))
                {
                    var row = Read<ScheduleRow>(item, at, problems);
                    row.ServiceId ??= service.Id;
                    data.Schedules.Add(row);
                }

                foreach (var (item, at) in Items(s, "service_areas", where))
                {
                    var row = Read<ServiceAreaRow>(item, at, problems);
                    row.ServiceId ??= service.Id;
                    data.ServiceAreas.Add(row);
                }

                foreach (var (item, at) in Items(s, "funding", where))
                {
                    var row = Read<FundingRow>(item, at, problems);
                    row.ServiceId ??= service.Id;
                    data.Funding.Add(row);
                }

                foreach (var (item, at) in Items(s, "attributes", where))
                {
                    var row = Read<AttributeRow>(item, at, problems);
                    row.LinkId ??= service.Id;
                    row.LinkEntity ??= "service";
                    if (item.TryGetProperty("taxonomy_term", out var term) && term.ValueKind == JsonValueKind.Object)
                    {
                        var termRow = Read<TaxonomyTermRow>(term, $"{at}.taxonomy_term", problems);
                        row.TaxonomyTermId ??= termRow.Id;
                        if (data.TaxonomyTerms.All(t => t.Id != termRow.Id))
                        {
                            data.TaxonomyTerms.Add(termRow);
                        }
                    }

                    data.Attributes.Add(row);
                }
            }
        }

        return data;
    }

    public static HsdsDataset ReadCsvZip(MemoryStream stream, List<ImportProblem> problems)
    {
        var data = new HsdsDataset();
        if (BoundedUpload.ArchiveProblem(stream, MaxExpandedBytes) is { } archiveProblem)
        {
            problems.Add(new("file", "", archiveProblem));
            return data;
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            problems.Add(new("file", "", "The file is not a zip archive. Send the HSDS CSV package zipped, with services.csv and organizations.csv at the top level"));
            return data;
        }

        using (zip)
        {
            void Table<T>(string file, List<T> into, bool required = false) where T : Row
            {
                var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, file, StringComparison.OrdinalIgnoreCase));
                if (entry is null)
                {
                    if (required)
                    {
                        problems.Add(new(file, "", $"The package has no {file}"));
                    }

                    return;
                }

                Stream content;
                try
                {
                    content = entry.Open();
                }
                catch (InvalidDataException)
                {
                    problems.Add(new(file, "", $"{file} is damaged in the zip and cannot be unpacked. Zip the package again"));
                    return;
                }

                using var reader = new StreamReader(content);
                using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
                    HeaderValidated = null,
                    MissingFieldFound = null,
                });
                csv.Context.RegisterClassMap(HsdsCsv.Map<T>());
                try
                {
                    if (!csv.Read())
                    {
                        return;
                    }

                    csv.ReadHeader();
                    while (csv.Read())
                    {
                        var row = RestoreText(csv.GetRecord<T>());
                        row.Where = $"{file} row {csv.Parser.Row.ToString(CultureInfo.InvariantCulture)}";
                        into.Add(row);
                    }
                }
                catch (InvalidDataException)
                {
                    problems.Add(new(file, "", $"{file} is damaged in the zip and cannot be unpacked. Zip the package again"));
                }
                catch (CsvHelperException e)
                {
                    problems.Add(new($"{file} row {csv.Parser.Row.ToString(CultureInfo.InvariantCulture)}", "", $"The row cannot be read as CSV: {e.Message.Split('\n')[0]}"));
                }
            }

            Table("organizations.csv", data.Organizations, required: true);
            Table("services.csv", data.Services, required: true);
            Table("locations.csv", data.Locations);
            Table("addresses.csv", data.Addresses);
            Table("service_at_locations.csv", data.ServiceAtLocations);
            Table("contacts.csv", data.Contacts);
            Table("phones.csv", data.Phones);
            Table("schedules.csv", data.Schedules);
            Table("service_areas.csv", data.ServiceAreas);
            Table("funding.csv", data.Funding);
            Table("taxonomy_terms.csv", data.TaxonomyTerms);
            Table("attributes.csv", data.Attributes);
        }

        return data;
    }

    public async Task<ImportReport> ApplyAsync(HsdsDataset data, List<ImportProblem> problems, CancellationToken ct)
    {
        var plans = Plan(data, problems);
        if (problems.Count > 0)
        {
            return new ImportReport(0, 0, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (created, updated) = (0, 0);
        try
        {
            var organisationIds = await EnsureOrganisationsAsync(data, plans, problems, ct);
            foreach (var plan in plans)
            {
                var input = plan.Input with { OrganisationId = organisationIds.GetValueOrDefault(plan.OrganisationKey) };
                var exists = await db.DirectoryServices.AnyAsync(s => s.Id == plan.Id, ct);
                var result = exists ? await save.UpdateAsync(plan.Id, input, null, ct) : await save.CreateAsync(input, ct, plan.Id);
                if (result.NotFound)
                {
                    problems.Add(new(plan.Where, "id", "A service with this id belongs to another LEP. Give the service a new id"));
                }

                problems.AddRange(result.Errors.Select(e => new ImportProblem(plan.Where, HsdsField(e.Field), e.Message)));
                if (result.Succeeded)
                {
                    _ = exists ? updated++ : created++;
                }
            }
        }
        catch (DbUpdateException e)
        {
            problems.Add(new("file", "", $"The directory could not be saved: {e.InnerException?.Message ?? e.Message}"));
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportReport(0, 0, problems);
        }

        await transaction.CommitAsync(ct);
        return new ImportReport(created, updated, []);
    }

    private sealed record ServicePlan(Guid Id, string Where, string OrganisationKey, ServiceInput Input);

    /// <summary>Checks the file's own structure and turns each HSDS service into a service input; no database writes.</summary>
    private List<ServicePlan> Plan(HsdsDataset data, List<ImportProblem> problems)
    {
        void Problem(Row row, string field, string message) => problems.Add(new(row.Where, field, message));
        bool IsUuid(Row row, string? value, string field, string what)
        {
            if (Guid.TryParse(value, out _))
            {
                return true;
            }

            Problem(row, field, $"Give the {what} an id that is a UUID, like ac148810-d857-441c-9679-408f346de14b");
            return false;
        }

        if (data.Services.Count == 0 && problems.Count == 0)
        {
            problems.Add(new("file", "services", "The file has no services"));
        }

        foreach (var (row, field) in ControlCharacters(data))
        {
            Problem(row, field, "The text contains a control character (such as NUL or ESC). Remove it: only letters, numbers, punctuation, tabs and line breaks are kept");
        }

        foreach (var o in data.Organizations)
        {
            IsUuid(o, o.Id, "id", "organization");
            if (string.IsNullOrWhiteSpace(o.Name))
            {
                Problem(o, "name", "Enter the organization's name");
            }
        }

        foreach (var duplicate in data.Services.GroupBy(s => s.Id).Where(g => g.Key is not null && g.Count() > 1))
        {
            Problem(duplicate.Last(), "id", $"The service id {duplicate.Key} is used by more than one service. Each service needs its own id");
        }

        var terms = data.TaxonomyTerms.Where(t => t.Id is not null).GroupBy(t => t.Id!).ToDictionary(g => g.Key, g => g.First());
        var locations = data.Locations.Where(l => l.Id is not null).GroupBy(l => l.Id!).ToDictionary(g => g.Key, g => g.First());
        var plans = new List<ServicePlan>();
        foreach (var s in data.Services)
        {
            if (!IsUuid(s, s.Id, "id", "service"))
            {
                continue;
            }

            var id = Guid.Parse(s.Id!);
            if (s.Status is null || !Statuses.Contains(s.Status.Trim().ToLowerInvariant()))
            {
                Problem(s, "status", "Give the status as active, inactive, defunct or temporarily closed");
            }

            if (s.OrganizationId is null || (data.Organizations.All(o => o.Id != s.OrganizationId)))
            {
                Problem(s, "organization_id", "Name an organization that is in the file (organizations.csv, or the service's organization)");
            }

            int? Age(string? value, string field)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= 0 and <= 120)
                {
                    return (int)number;
                }

                Problem(s, field, $"Give the {field.Replace('_', ' ')} as a whole number of years from 0 to 120, not \"{value}\"");
                return null;
            }

            var attributes = data.Attributes.Where(a => a.LinkId == s.Id).ToList();
            var kind = ServiceKind.Other;
            var groups = new List<TargetGroup>();
            var stages = new List<int>();
            var interventions = new List<string>();
            int? places = null;
            foreach (var a in attributes)
            {
                if (a.TaxonomyTermId is null || !terms.TryGetValue(a.TaxonomyTermId, out var term))
                {
                    Problem(a, "taxonomy_term_id", $"The attribute names taxonomy term {a.TaxonomyTermId}, which is not in the file");
                    continue;
                }

                var code = term.Code ?? "";
                switch (term.Taxonomy)
                {
                    case NolbTaxonomies.ServiceKind when Enum.TryParse<ServiceKind>(code, out var k) && Enum.IsDefined(k):
                        kind = k;
                        break;
                    case NolbTaxonomies.TargetGroup when Enum.TryParse<TargetGroup>(code, out var g) && Enum.IsDefined(g):
                        groups.Add(g);
                        break;
                    case NolbTaxonomies.PipelineStage when int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var stage) && stage is >= 1 and <= 5:
                        stages.Add(stage);
                        break;
                    case NolbTaxonomies.Intervention when InterventionTypes.IsKnown(code):
                        interventions.Add(code);
                        break;
                    case NolbTaxonomies.Capacity when code == NolbTaxonomies.PlacesPerQuarter:
                        if (int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                        {
                            places = p;
                        }
                        else
                        {
                            Problem(a, "value", $"Give the places per quarter as a whole number, not \"{a.Value}\"");
                        }

                        break;
                    case NolbTaxonomies.ServiceKind or NolbTaxonomies.TargetGroup or NolbTaxonomies.PipelineStage or NolbTaxonomies.Intervention or NolbTaxonomies.Capacity:
                        Problem(term, "code", $"\"{code}\" is not a term of the {term.Taxonomy} taxonomy");
                        break;
                    default:
                        // Terms of other taxonomies (e.g. Open Eligibility) are kept by their source, not by Nolb.
                        break;
                }
            }

            var lepCode = currentUser.SeesAllLeps() ? null : currentUser.LepCode;
            foreach (var area in data.ServiceAreas.Where(a => a.ServiceId == s.Id))
            {
                var code = area.Uri?.TrimEnd('/').Split('/').LastOrDefault();
                if (code is null || !code.StartsWith('S'))
                {
                    Problem(area, "uri", $"Give the service area as a statistical geography URI ending with the council area code, like {NolbTaxonomies.GeographyUri}S12000049");
                    continue;
                }

                lepCode = code;
            }

            var serviceLocations = new List<LocationInput>();
            foreach (var link in data.ServiceAtLocations.Where(l => l.ServiceId == s.Id))
            {
                if (!IsUuid(link, link.Id, "id", "service_at_location") || link.LocationId is null || !locations.TryGetValue(link.LocationId, out var location))
                {
                    Problem(link, "location_id", "Name a location that is in the file (locations.csv, or the link's location)");
                    continue;
                }

                if (!IsUuid(location, location.Id, "id", "location"))
                {
                    continue;
                }

                var address = data.Addresses.FirstOrDefault(a => a.LocationId == location.Id);
                serviceLocations.Add(new LocationInput(Guid.Parse(location.Id!), Guid.Parse(link.Id!), location.Name, address?.Address1, address?.City, address?.PostalCode));
            }

            var schedules = new List<ScheduleInput>();
            foreach (var x in data.Schedules.Where(x => x.ServiceId == s.Id))
            {
                if (!IsUuid(x, x.Id, "id", "schedule"))
                {
                    continue;
                }

                if (x.Freq is not null && !string.Equals(x.Freq, "WEEKLY", StringComparison.OrdinalIgnoreCase))
                {
                    Problem(x, "freq", "Nolb keeps weekly schedules only: give freq as WEEKLY");
                }

                TimeOnly? Time(string? value, string field)
                {
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return null;
                    }

                    var plain = value.Trim().TrimEnd('Z');
                    if (TimeOnly.TryParseExact(plain, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    {
                        return time;
                    }

                    Problem(x, field, $"Give the time as HH:MM, like 09:30, not \"{value}\"");
                    return null;
                }

                schedules.Add(new ScheduleInput(Guid.Parse(x.Id!), x.Byday?.ToUpperInvariant(), Time(x.OpensAt, "opens_at"), Time(x.ClosesAt, "closes_at"), x.Description));
            }

            var contact = data.Contacts.FirstOrDefault(c => c.ServiceId == s.Id);
            var input = new ServiceInput
            {
                Name = s.Name,
                Description = s.Description,
                LepCode = lepCode,
                Kind = kind,
                Active = s.Status?.Trim().ToLowerInvariant() == "active",
                MinimumAge = Age(s.MinimumAge, "minimum_age"),
                MaximumAge = Age(s.MaximumAge, "maximum_age"),
                EligibilityDescription = s.EligibilityDescription,
                TargetGroups = groups,
                Stages = stages,
                InterventionTypes = interventions,
                Cost = s.FeesDescription,
                PlacesPerQuarter = places,
                ReferralMethod = s.ApplicationProcess,
                ContactName = contact?.Name,
                ContactEmail = contact?.Email ?? s.Email,
                ContactPhone = data.Phones.FirstOrDefault(p => p.ServiceId == s.Id)?.Number,
                Website = s.Url,
                FundingSource = data.Funding.FirstOrDefault(f => f.ServiceId == s.Id)?.Source,
                Locations = serviceLocations,
                Schedules = schedules,
            };
            plans.Add(new ServicePlan(id, s.Where, s.OrganizationId ?? "", input));
        }

        return plans;
    }

    /// <summary>Matches each organization on its id, then on its name in the same LEP; adds the ones Nolb does not know.</summary>
    private async Task<Dictionary<string, Guid>> EnsureOrganisationsAsync(HsdsDataset data, List<ServicePlan> plans, List<ImportProblem> problems, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        var leps = await db.Leps.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        foreach (var row in data.Organizations.DistinctBy(o => o.Id))
        {
            var id = Guid.Parse(row.Id!);
            var existing = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (existing is not null)
            {
                ids[row.Id!] = existing.Id;
                continue;
            }

            // An organisation new to Nolb belongs to the LEP of its services, or is national when they span several or none.
            var serviceLeps = plans.Where(p => p.OrganisationKey == row.Id)
                .Select(p => p.Input.LepCode is { } code && leps.TryGetValue(CouncilAreaCodes.Normalise(code), out var lepId) ? lepId : (Guid?)null)
                .Distinct().ToList();
            var lep = serviceLeps.Count == 1 ? serviceLeps[0] : null;
            var name = row.Name!.Trim();
            var byName = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name && o.LepId == lep, ct);
            if (byName is not null)
            {
                ids[row.Id!] = byName.Id;
                continue;
            }

            if (name.Length > 200)
            {
                problems.Add(new(row.Where, "name", "The organization's name must be 200 characters or fewer"));
                continue;
            }

            var organisation = new Organisation
            {
                Id = id,
                Name = name,
                Kind = OrganisationKind.Other,
                LepId = lep,
                Website = string.IsNullOrWhiteSpace(row.Website) ? null : row.Website.Trim(),
                ContactEmail = string.IsNullOrWhiteSpace(row.Email) ? null : row.Email.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Organisations.Add(organisation);
            ids[row.Id!] = id;
        }

        await db.SaveChangesAsync(ct);
        return ids;
    }

    private static string HsdsField(string field) => field switch
    {
        "name" or "description" or "" => field,
        "kind" => "attributes (nolb-service-kind)",
        "lepCode" => "service_areas.uri",
        "organizationId" or "organisationId" => "organization_id",
        "minimumAge" => "minimum_age",
        "maximumAge" => "maximum_age",
        "eligibilityDescription" => "eligibility_description",
        "cost" => "fees_description",
        "referralMethod" => "application_process",
        "contactName" => "contacts.name",
        "contactEmail" => "contacts.email",
        "contactPhone" => "phones.number",
        "website" => "url",
        "fundingSource" => "funding.source",
        "placesPerQuarter" => "attributes (nolb-capacity)",
        _ when field.StartsWith("locations", StringComparison.Ordinal) => "service_at_locations" + field["locations".Length..],
        _ => field,
    };

    private static IEnumerable<(JsonElement Item, string Where)> Items(JsonElement parent, string property, string where)
    {
        if (!parent.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, $"{where}.{property}[{i}]");
            }

            i++;
        }
    }

    /// <summary>Every text field, in every table of the file, holding a control character other than tab or a line break.</summary>
    private static IEnumerable<(Row Row, string Field)> ControlCharacters(HsdsDataset data)
    {
        IEnumerable<Row> rows = [.. data.Organizations, .. data.Services, .. data.Locations, .. data.Addresses, .. data.ServiceAtLocations, .. data.Contacts,
            .. data.Phones, .. data.Schedules, .. data.ServiceAreas, .. data.Funding, .. data.TaxonomyTerms, .. data.Attributes];
        foreach (var row in rows)
        {
            foreach (var property in row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.Name != nameof(Row.Where)))
            {
                if (property.GetValue(row) is string text && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                {
                    yield return (row, property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
                }
            }
        }
    }

    /// <summary>Takes back the apostrophe Nolb's CSV export puts before text a spreadsheet would run as a formula.</summary>
    private static T RestoreText<T>(T row) where T : Row
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            property.SetValue(row, SpreadsheetText.Restore((string?)property.GetValue(row)));
        }

        return row;
    }

    /// <summary>A row's text and number fields; an object or array where HSDS has a single value is a problem, not silently nothing.</summary>
    private static T Read<T>(JsonElement element, string where, List<ImportProblem> problems) where T : Row, new()
    {
        var row = new T { Where = where };
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (element.TryGetProperty(name, out var value))
            {
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    problems.Add(new(where, name, $"{name} must be a single value (text or a number), not {(value.ValueKind == JsonValueKind.Object ? "an object" : "a list")}"));
                    continue;
                }

                property.SetValue(row, value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                });
            }
        }

        return row;
    }
}
