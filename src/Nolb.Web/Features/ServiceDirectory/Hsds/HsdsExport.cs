using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory.Hsds;

/// <summary>Writes the directory a user can see as HSDS 3.0: JSON (a page of compiled services) or the tabular CSV package, zipped.</summary>
public static class HsdsExport
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static async Task<HsdsDataset> BuildAsync(NolbDbContext db, CurrentUser user, CancellationToken ct)
    {
        var services = await db.DirectoryServices.AsNoTracking().VisibleTo(user)
            .Include(s => s.Organisation).Include(s => s.Lep).Include(s => s.Locations).Include(s => s.Schedules)
            .AsSplitQuery().OrderBy(s => s.Id).ToListAsync(ct);
        var data = new HsdsDataset();
        var terms = new Dictionary<string, TaxonomyTermRow>();

        void Attribute(DirectoryService s, string linkType, string taxonomy, string code, string name, string? value = null)
        {
            var termId = HsdsIds.Term(taxonomy, code);
            terms.TryAdd(termId, new TaxonomyTermRow { Id = termId, Code = code, Name = name, Description = name, Taxonomy = taxonomy });
            data.Attributes.Add(new AttributeRow
            {
                Id = HsdsIds.Of(s.Id, $"{taxonomy}/{code}"),
                LinkId = s.Id.ToString(),
                LinkType = linkType,
                LinkEntity = "service",
                TaxonomyTermId = termId,
                Value = value,
            });
        }

        foreach (var organisation in services.Select(s => s.Organisation!).DistinctBy(o => o.Id).OrderBy(o => o.Id))
        {
            data.Organizations.Add(new OrganizationRow
            {
                Id = organisation.Id.ToString(),
                Name = organisation.Name,
                Description = organisation.Name,
                Email = organisation.ContactEmail,
                Website = organisation.Website,
            });
        }

        foreach (var s in services)
        {
            var id = s.Id.ToString();
            data.Services.Add(new ServiceRow
            {
                Id = id,
                OrganizationId = s.OrganisationId.ToString(),
                Name = s.Name,
                Description = s.Description,
                Url = s.Website,
                Email = s.ContactEmail,
                Status = s.Active ? "active" : "inactive",
                ApplicationProcess = s.ReferralMethod,
                FeesDescription = s.Cost,
                EligibilityDescription = s.EligibilityDescription,
                MinimumAge = s.MinimumAge?.ToString(CultureInfo.InvariantCulture),
                MaximumAge = s.MaximumAge?.ToString(CultureInfo.InvariantCulture),
            });
            foreach (var l in s.Locations.OrderBy(l => l.Id))
            {
                data.Locations.Add(new LocationRow { Id = l.Id.ToString(), LocationType = "physical", Name = l.Name });
                data.Addresses.Add(new AddressRow
                {
                    Id = HsdsIds.Of(l.Id, "address"),
                    LocationId = l.Id.ToString(),
                    Address1 = l.AddressLine ?? "",
                    City = l.Town ?? "",
                    StateProvince = "Scotland",
                    PostalCode = l.Postcode ?? "",
                    Country = "GB",
                    AddressType = "physical",
                });
                data.ServiceAtLocations.Add(new ServiceAtLocationRow { Id = l.LinkId.ToString(), ServiceId = id, LocationId = l.Id.ToString() });
            }

            if (s.ContactName is not null || s.ContactEmail is not null)
            {
                data.Contacts.Add(new ContactRow { Id = HsdsIds.Of(s.Id, "contact"), ServiceId = id, Name = s.ContactName, Email = s.ContactEmail });
            }

            if (s.ContactPhone is not null)
            {
                data.Phones.Add(new PhoneRow { Id = HsdsIds.Of(s.Id, "phone"), ServiceId = id, Number = s.ContactPhone, Type = "voice" });
            }

            foreach (var x in s.Schedules.OrderBy(x => x.Id))
            {
                data.Schedules.Add(new ScheduleRow
                {
                    Id = x.Id.ToString(),
                    ServiceId = id,
                    Freq = "WEEKLY",
                    Byday = x.ByDay,
                    Description = x.Description,
                    OpensAt = x.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                    ClosesAt = x.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                });
            }

            if (s.Lep is { } lep)
            {
                data.ServiceAreas.Add(new ServiceAreaRow { Id = HsdsIds.Of(s.Id, "area"), ServiceId = id, Name = lep.Name, Uri = NolbTaxonomies.GeographyUri + lep.Code });
            }

            if (s.FundingSource is not null)
            {
                data.Funding.Add(new FundingRow { Id = HsdsIds.Of(s.Id, "funding"), ServiceId = id, Source = s.FundingSource });
            }

            Attribute(s, "service_kind", NolbTaxonomies.ServiceKind, s.Kind.ToString(), s.Kind.Label());
            foreach (var stage in s.Stages.Order())
            {
                Attribute(s, "pipeline_stage", NolbTaxonomies.PipelineStage, ((int)stage).ToString(CultureInfo.InvariantCulture), Participants.ParticipantLabels.Label(stage));
            }

            foreach (var group in s.TargetGroups.Order())
            {
                Attribute(s, "eligibility", NolbTaxonomies.TargetGroup, group.ToString(), group.Label());
            }

            foreach (var code in s.InterventionTypes.Order(StringComparer.Ordinal))
            {
                Attribute(s, "intervention_type", NolbTaxonomies.Intervention, code, InterventionTypes.NameOf(code));
            }

            if (s.PlacesPerQuarter is { } places)
            {
                Attribute(s, "capacity", NolbTaxonomies.Capacity, NolbTaxonomies.PlacesPerQuarter, "Places per quarter", places.ToString(CultureInfo.InvariantCulture));
            }
        }

        data.TaxonomyTerms.AddRange(terms.Values.OrderBy(t => t.Taxonomy, StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal));
        return data;
    }

    /// <summary>An HSDS 3.0 page of compiled services (the API's service list shape), each with its related objects nested.</summary>
    public static JsonObject ToJson(HsdsDataset data)
    {
        JsonNode? Node<T>(T row) => JsonSerializer.SerializeToNode(row, Json);
        var terms = data.TaxonomyTerms.ToDictionary(t => t.Id!);
        var organisations = data.Organizations.ToDictionary(o => o.Id!);
        var locations = data.Locations.ToDictionary(l => l.Id!);
        var contents = new JsonArray();
        foreach (var s in data.Services)
        {
            var service = (JsonObject)Node(s)!;
            service["minimum_age"] = s.MinimumAge is null ? null : int.Parse(s.MinimumAge, CultureInfo.InvariantCulture);
            service["maximum_age"] = s.MaximumAge is null ? null : int.Parse(s.MaximumAge, CultureInfo.InvariantCulture);
            service["organization"] = Node(organisations[s.OrganizationId!]);
            service["service_at_locations"] = new JsonArray(data.ServiceAtLocations.Where(x => x.ServiceId == s.Id).Select(x =>
            {
                var link = (JsonObject)Node(x)!;
                var location = (JsonObject)Node(locations[x.LocationId!])!;
                location["addresses"] = new JsonArray(data.Addresses.Where(a => a.LocationId == x.LocationId).Select(a => Node(a)).ToArray());
                link["location"] = location;
                return (JsonNode?)link;
            }).ToArray());
            service["contacts"] = new JsonArray(data.Contacts.Where(x => x.ServiceId == s.Id).Select(x => Node(x)).ToArray());
            service["phones"] = new JsonArray(data.Phones.Where(x => x.ServiceId == s.Id).Select(x => Node(x)).ToArray());
            service["schedules"] = new JsonArray(data.Schedules.Where(x => x.ServiceId == s.Id).Select(x => Node(x)).ToArray());
            service["service_areas"] = new JsonArray(data.ServiceAreas.Where(x => x.ServiceId == s.Id).Select(x => Node(x)).ToArray());
            service["funding"] = new JsonArray(data.Funding.Where(x => x.ServiceId == s.Id).Select(x => Node(x)).ToArray());
            service["attributes"] = new JsonArray(data.Attributes.Where(x => x.LinkId == s.Id).Select(x =>
            {
                var attribute = (JsonObject)Node(x)!;
                attribute["taxonomy_term"] = Node(terms[x.TaxonomyTermId!]);
                return (JsonNode?)attribute;
            }).ToArray());
            contents.Add(service);
        }

        return new JsonObject
        {
            ["total_items"] = data.Services.Count,
            ["total_pages"] = 1,
            ["page_number"] = 1,
            ["size"] = data.Services.Count,
            ["first_page"] = true,
            ["last_page"] = true,
            ["empty"] = data.Services.Count == 0,
            ["contents"] = contents,
        };
    }

    /// <summary>The tabular package: one CSV per HSDS table and a datapackage.json naming them, zipped.</summary>
    public static byte[] ToCsvZip(HsdsDataset data)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var resources = new JsonArray();
            void Table<T>(string name, string file, IEnumerable<T> rows) where T : Row
            {
                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
                using var csv = new CsvWriter(writer, SpreadsheetText.CsvExport());
                csv.Context.RegisterClassMap(HsdsCsv.Map<T>());
                csv.WriteRecords(rows);
                resources.Add(new JsonObject { ["name"] = name, ["path"] = file, ["format"] = "csv", ["mediatype"] = "text/csv", ["profile"] = "tabular-data-resource" });
            }

            Table("organization", "organizations.csv", data.Organizations);
            Table("service", "services.csv", data.Services);
            Table("location", "locations.csv", data.Locations);
            Table("address", "addresses.csv", data.Addresses);
            Table("service_at_location", "service_at_locations.csv", data.ServiceAtLocations);
            Table("contact", "contacts.csv", data.Contacts);
            Table("phone", "phones.csv", data.Phones);
            Table("schedule", "schedules.csv", data.Schedules);
            Table("service_area", "service_areas.csv", data.ServiceAreas);
            Table("funding", "funding.csv", data.Funding);
            Table("taxonomy_term", "taxonomy_terms.csv", data.TaxonomyTerms);
            Table("attribute", "attributes.csv", data.Attributes);
            var descriptor = zip.CreateEntry("datapackage.json");
            using var stream = descriptor.Open();
            JsonSerializer.Serialize(stream, new JsonObject { ["name"] = "nolb-service-directory", ["profile"] = "tabular-data-package", ["resources"] = resources }, Json);
        }

        return buffer.ToArray();
    }
}

/// <summary>CsvHelper maps that write and read HSDS's snake_case column names.</summary>
public static class HsdsCsv
{
    public static ClassMap Map<T>() where T : Row
    {
        var map = new DefaultClassMap<T>();
        map.AutoMap(CultureInfo.InvariantCulture);
        foreach (var member in map.MemberMaps.ToList())
        {
            member.Data.Names.Clear();
            var named = member.Data.Member!.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().FirstOrDefault();
            member.Data.Names.Add(named?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Data.Member.Name));
            member.Optional();
            member.Data.TypeConverterOptions.NullValues.Add("");
        }

        return map;
    }
}
