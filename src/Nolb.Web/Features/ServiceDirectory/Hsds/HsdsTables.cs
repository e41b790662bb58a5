using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Nolb.Web.Features.ServiceDirectory.Hsds;

/// <summary>
/// The directory as Open Referral HSDS 3.0 tables, one class per table of the tabular package with the
/// schema's field names (snake_case in files). Every value is text so an import can report a bad number or
/// date by row and field instead of failing to read the file. <see cref="Row.Where"/> says where a row came
/// from ("services.csv row 3", "contents[2]") for the error report.
/// </summary>
public abstract class Row
{
    public string? Id { get; set; }

    internal string Where { get; set; } = "";
}

public sealed class OrganizationRow : Row
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
}

public sealed class ServiceRow : Row
{
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Status { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? EligibilityDescription { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
}

public sealed class LocationRow : Row
{
    public string? LocationType { get; set; }
    public string? Name { get; set; }
}

public sealed class AddressRow : Row
{
    public string? LocationId { get; set; }
    [JsonPropertyName("address_1")]
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
}

public sealed class ServiceAtLocationRow : Row
{
    public string? ServiceId { get; set; }
    public string? LocationId { get; set; }
}

public sealed class ContactRow : Row
{
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
}

public sealed class PhoneRow : Row
{
    public string? ServiceId { get; set; }
    public string? Number { get; set; }
    public string? Type { get; set; }
}

public sealed class ScheduleRow : Row
{
    public string? ServiceId { get; set; }
    public string? Freq { get; set; }
    public string? Byday { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? Description { get; set; }
}

public sealed class ServiceAreaRow : Row
{
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Uri { get; set; }
}

public sealed class FundingRow : Row
{
    public string? ServiceId { get; set; }
    public string? Source { get; set; }
}

public sealed class TaxonomyTermRow : Row
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Taxonomy { get; set; }
}

public sealed class AttributeRow : Row
{
    public string? LinkId { get; set; }
    public string? LinkType { get; set; }
    public string? LinkEntity { get; set; }
    public string? TaxonomyTermId { get; set; }
    public string? Value { get; set; }
}

public sealed class HsdsDataset
{
    public List<OrganizationRow> Organizations { get; } = [];
    public List<ServiceRow> Services { get; } = [];
    public List<LocationRow> Locations { get; } = [];
    public List<AddressRow> Addresses { get; } = [];
    public List<ServiceAtLocationRow> ServiceAtLocations { get; } = [];
    public List<ContactRow> Contacts { get; } = [];
    public List<PhoneRow> Phones { get; } = [];
    public List<ScheduleRow> Schedules { get; } = [];
    public List<ServiceAreaRow> ServiceAreas { get; } = [];
    public List<FundingRow> Funding { get; } = [];
    public List<TaxonomyTermRow> TaxonomyTerms { get; } = [];
    public List<AttributeRow> Attributes { get; } = [];
}

/// <summary>Nolb's taxonomies, written as HSDS taxonomy terms and attributes.</summary>
public static class NolbTaxonomies
{
    public const string TargetGroup = "nolb-target-group";
    public const string PipelineStage = "nolb-pipeline-stage";
    public const string Intervention = "nolb-annex1-intervention";
    public const string ServiceKind = "nolb-service-kind";
    public const string Capacity = "nolb-capacity";
    public const string PlacesPerQuarter = "places-per-quarter";

    /// <summary>Statistical geography URIs end with the council area's GSS code, which names the LEP.</summary>
    public const string GeographyUri = "https://statistics.gov.scot/id/statistical-geography/";
}

/// <summary>
/// Stable ids for HSDS rows Nolb does not store as records (contacts, phones, attributes, terms): a name-based
/// UUID (hashed like RFC 9562 version 5, with SHA-256) of the owner's id and the part, so every export gives the same ids.
/// </summary>
public static class HsdsIds
{
    public static Guid Derive(string owner, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"nolb:{owner}:{part}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string Of(Guid owner, string part) => Derive(owner.ToString(), part).ToString();

    public static string Term(string taxonomy, string code) => Derive(taxonomy, code).ToString();
}
