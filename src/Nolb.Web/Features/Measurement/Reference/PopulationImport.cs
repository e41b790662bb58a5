using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Measurement.Reference;

/// <summary>
/// Working-age population figures for the equality gap analysis, from a CSV file of one row per LEP area and
/// group: <c>area_code,dimension,group,population</c> (area by GSS code, retired codes accepted; dimension and
/// group in the words of <see cref="GapAnalysis.PopulationGroups"/>). A file with any problem changes nothing.
/// </summary>
public sealed class PopulationImport(NolbDbContext db, ReferenceDataLoader loader) : IReferenceImport
{
    public static readonly ReferenceCsv.Column AreaCode = new("area_code", "gss_code", "lep", "council_area");
    public static readonly ReferenceCsv.Column Dimension = new("dimension", "breakdown");
    public static readonly ReferenceCsv.Column Group = new("group");
    public static readonly ReferenceCsv.Column Population = new("population", "count", "people");
    public static readonly ReferenceCsv.Column[] Columns = [AreaCode, Dimension, Group, Population];

    public ReferenceDataKind Kind => ReferenceDataKind.WorkingAgePopulation;

    public async Task<ImportOutcome> LoadAsync(Stream file, ReferenceDataLoader.Details details, CancellationToken ct)
    {
        var read = ReferenceCsv.Read(file, Columns);
        if (read.Problems.Count > 0)
        {
            return new ImportOutcome(null, read.Problems);
        }

        var leps = await db.Leps.AsNoTracking().Select(l => new { l.Code, l.Id }).ToDictionaryAsync(l => l.Code, l => l.Id, StringComparer.OrdinalIgnoreCase, ct);
        var (rows, problems) = Check(read.Records, leps);
        if (problems.Count > 0)
        {
            return new ImportOutcome(null, problems);
        }

        var dataset = await loader.ReplaceAsync(Kind, details,
            rows.Select(r => (Func<Guid, PopulationFigure>)(id => new PopulationFigure { DatasetId = id, LepId = r.LepId, Dimension = r.Dimension, Group = r.Group, Population = r.Population })).ToList(), ct);
        return new ImportOutcome(dataset, []);
    }

    public sealed record Row(Guid LepId, string Dimension, string Group, int Population);

    /// <summary>Every row checked against the LEPs and the groups; all problems at once, so one round of fixes is enough.</summary>
    public static (IReadOnlyList<Row> Rows, IReadOnlyList<string> Problems) Check(IReadOnlyList<ReferenceCsv.Record> records, IReadOnlyDictionary<string, Guid> lepsByCode)
    {
        var rows = new List<Row>();
        var problems = new List<string>();
        var seen = new Dictionary<(Guid, string, string), int>();
        foreach (var record in records)
        {
            if (problems.Count >= ReferenceCsv.MaxProblems)
            {
                break;
            }

            var code = CouncilAreaCodes.Normalise(record[AreaCode]);
            Guid? lep = lepsByCode.TryGetValue(code, out var id) ? id : null;
            if (lep is null)
            {
                problems.Add(record.Problem(AreaCode, $"\"{record[AreaCode]}\" is not the GSS code of a council area. Use the S12 code, like S12000049 for Glasgow City"));
            }

            var dimension = GapAnalysis.PopulationGroups.Keys.FirstOrDefault(d => string.Equals(d, record[Dimension], StringComparison.OrdinalIgnoreCase));
            string? group = null;
            if (dimension is null)
            {
                problems.Add(record.Problem(Dimension, $"\"{record[Dimension]}\" is not a breakdown population figures can be given for. Use one of: {string.Join(", ", GapAnalysis.PopulationGroups.Keys)}"));
            }
            else
            {
                // Hyphens are accepted for the age bands' en dashes, as spreadsheets often type them.
                var given = record[Group].Replace('-', '–');
                group = GapAnalysis.PopulationGroups[dimension].FirstOrDefault(g => string.Equals(g, given, StringComparison.OrdinalIgnoreCase));
                if (group is null)
                {
                    problems.Add(record.Problem(Group, $"\"{record[Group]}\" is not a group of {dimension}. Use one of: {string.Join(", ", GapAnalysis.PopulationGroups[dimension])}"));
                }
            }

            var text = record[Population].Replace(",", "", StringComparison.Ordinal);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                problems.Add(record.Problem(Population, $"\"{record[Population]}\" is not a whole number of people. Enter it without decimals, like 21500"));
            }

            if (lep is { } l && dimension is not null && group is not null)
            {
                if (seen.TryGetValue((l, dimension, group), out var first))
                {
                    problems.Add(record.Problem(Group, string.Create(CultureInfo.InvariantCulture, $"{code} {dimension} \"{group}\" is already given on row {first}. Give each area and group once")));
                }
                else
                {
                    seen[(l, dimension, group)] = record.Row;
                    rows.Add(new Row(l, dimension, group, population));
                }
            }
        }

        return (rows, problems);
    }
}
