using System.Globalization;
using System.Text.RegularExpressions;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Participants;

namespace Nolb.Web.Features.Measurement.Reference;

/// <summary>
/// The postcode → data zone → SIMD 2020v2 lookup, from the Scottish Government's postcode lookup file saved as
/// CSV. Only three columns are read — postcode, data zone and SIMD rank — under their usual header names; the
/// quintile and decile are worked out from the rank (<see cref="Simd"/>). A file with any problem changes nothing.
/// Nolb ships no copy: without a loaded lookup every participant's SIMD quintile is "Not known".
/// </summary>
public sealed partial class SimdImport(ReferenceDataLoader loader) : IReferenceImport
{
    public static readonly ReferenceCsv.Column Postcode = new("postcode", "pc7", "pc8");
    public static readonly ReferenceCsv.Column DataZone = new("data_zone", "datazone", "datazone2011", "dz", "dz2011");
    public static readonly ReferenceCsv.Column Rank = new("simd_rank", "simd2020v2_rank", "simd2020_rank", "rank");
    public static readonly ReferenceCsv.Column[] Columns = [Postcode, DataZone, Rank];

    public ReferenceDataKind Kind => ReferenceDataKind.SimdPostcodes;

    public async Task<ImportOutcome> LoadAsync(Stream file, ReferenceDataLoader.Details details, CancellationToken ct)
    {
        var read = ReferenceCsv.Read(file, Columns);
        if (read.Problems.Count > 0)
        {
            return new ImportOutcome(null, read.Problems);
        }

        var (rows, problems) = Check(read.Records);
        if (problems.Count > 0)
        {
            return new ImportOutcome(null, problems);
        }

        var dataset = await loader.ReplaceAsync(Kind, details,
            rows.Select(r => (Func<Guid, SimdPostcode>)(id => new SimdPostcode
            {
                Postcode = r.Postcode,
                DatasetId = id,
                DataZone = r.DataZone,
                Rank = r.Rank,
                Decile = Simd.DecileOf(r.Rank),
                Quintile = Simd.QuintileOf(r.Rank),
            })).ToList(), ct);
        return new ImportOutcome(dataset, []);
    }

    public sealed record Row(string Postcode, string DataZone, int Rank);

    public static (IReadOnlyList<Row> Rows, IReadOnlyList<string> Problems) Check(IReadOnlyList<ReferenceCsv.Record> records)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (problems.Count >= ReferenceCsv.MaxProblems)
            {
                break;
            }

            var postcode = ParticipantFormats.NormalisePostcode(record[Postcode]);
            var ok = true;
            if (postcode is null || !ParticipantFormats.IsPostcode(postcode))
            {
                problems.Add(record.Problem(Postcode, $"\"{record[Postcode]}\" is not a postcode. Give a full postcode, like G1 1XQ"));
                ok = false;
            }
            else if (seen.TryGetValue(postcode, out var first))
            {
                problems.Add(record.Problem(Postcode, string.Create(CultureInfo.InvariantCulture, $"{postcode} is already given on row {first}. Give each postcode once")));
                ok = false;
            }

            var zone = record[DataZone].ToUpperInvariant();
            if (!DataZonePattern().IsMatch(zone))
            {
                problems.Add(record.Problem(DataZone, $"\"{record[DataZone]}\" is not a data zone code. Data zone codes are S01 and six digits, like S01010123"));
                ok = false;
            }

            if (!int.TryParse(record[Rank], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || !Simd.IsRank(rank))
            {
                problems.Add(record.Problem(Rank, string.Create(CultureInfo.InvariantCulture, $"\"{record[Rank]}\" is not a SIMD 2020v2 rank. A rank is a whole number from 1 (most deprived) to {Simd.DataZones}")));
                ok = false;
            }

            if (ok)
            {
                seen[postcode!] = record.Row;
                rows.Add(new Row(postcode!, zone, rank));
            }
        }

        return (rows, problems);
    }

    [GeneratedRegex("^S01[0-9]{6}$")]
    private static partial Regex DataZonePattern();
}
