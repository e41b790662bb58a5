using System.Globalization;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Nolb.Web.Features.Participants;

namespace Nolb.Web.Features.DeliveryPlans;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>A changed section (or Annex 3 outcome), word by word.</summary>
public sealed record SectionChange(string Key, string Title, IReadOnlyList<DiffPart> Parts);

public sealed record FieldChange(string Column, string Before, string After);

/// <summary>An Annex 2 row that was added, removed or changed, with each changed column.</summary>
public sealed record RowChange(string TargetGroup, string Change, IReadOnlyList<FieldChange> Fields);

public sealed record PlanDifference(IReadOnlyList<FieldChange> Plan, IReadOnlyList<SectionChange> Sections, IReadOnlyList<RowChange> Rows, IReadOnlyList<SectionChange> Annex3)
{
    public bool None => Plan.Count == 0 && Sections.Count == 0 && Rows.Count == 0 && Annex3.Count == 0;
}

/// <summary>
/// What changed between two versions of a plan, readable by a person: each section's words (DiffPlex, word by word;
/// 1.2 and 1.3 include their tables as lines), each Annex 2 row column by column, and each Annex 3 outcome.
/// </summary>
public static class PlanDiff
{
    public static PlanDifference Compare(PlanSnapshot before, PlanSnapshot after)
    {
        var plan = new List<FieldChange>();
        Field(plan, "Title", before.Title, after.Title);
        Field(plan, "Period", PlanLabels.Period(before.PeriodStart, before.PeriodEnd), PlanLabels.Period(after.PeriodStart, after.PeriodEnd));
        Field(plan, "Next review", before.ReviewDate is { } b ? PlanLabels.Date(b) : "", after.ReviewDate is { } a ? PlanLabels.Date(a) : "");

        var sections = PlanFramework.Current.Sections
            .Select(f => Text(f.Key, f.Title, FullText(before, f.Key), FullText(after, f.Key)))
            .OfType<SectionChange>().ToList();
        var annex3 = after.Alignments
            .Select(a => Text(a.Outcome.ToString(), a.Outcome.Label(), before.Alignments.SingleOrDefault(x => x.Outcome == a.Outcome)?.Contribution ?? "", a.Contribution))
            .OfType<SectionChange>().ToList();
        return new PlanDifference(plan, sections, Rows(before.Requirements, after.Requirements), annex3);
    }

    private static SectionChange? Text(string key, string title, string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return null;
        }

        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, chunker: WordChunker.Instance);
        var parts = new List<DiffPart>();
        foreach (var line in model.Lines)
        {
            var kind = line.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            };
            if (parts.Count > 0 && parts[^1].Kind == kind)
            {
                parts[^1] = parts[^1] with { Text = parts[^1].Text + line.Text };
            }
            else
            {
                parts.Add(new DiffPart(kind, line.Text ?? ""));
            }
        }

        return new SectionChange(key, title, parts);
    }

    /// <summary>A section's words, with its structured parts (members, links, SWOT) as lines, so all of it is compared.</summary>
    private static string FullText(PlanSnapshot s, string key)
    {
        var section = s.Sections.SingleOrDefault(x => x.Key == key);
        var lines = new List<string>();
        if (key == "1.2")
        {
            lines.AddRange(s.Members.Select(m => $"Member: {m.Organisation}, {m.Role}{(m.Remit is null ? "" : $" ({m.Remit})")}."));
        }

        if (key == "1.3")
        {
            lines.AddRange(s.Governance.Select(g => $"Link: {g.GroupName}, {g.Kind.Label()}{(g.Relationship is null ? "" : $" ({g.Relationship})")}."));
        }

        lines.Add(section?.Text ?? "");
        if (section?.HasSwot == true)
        {
            lines.Add($"Strengths: {section.Strengths}");
            lines.Add($"Weaknesses: {section.Weaknesses}");
            lines.Add($"Opportunities: {section.Opportunities}");
            lines.Add($"Threats: {section.Threats}");
        }

        return string.Join('\n', lines);
    }

    private static List<RowChange> Rows(IReadOnlyList<RequirementRow> before, IReadOnlyList<RequirementRow> after)
    {
        var changes = new List<RowChange>();
        var unmatched = before.ToList();
        foreach (var row in after)
        {
            // Rows keep their id while edited; an imported workbook makes new ones, so fall back to the target group.
            var old = unmatched.FirstOrDefault(r => r.Id == row.Id) ?? unmatched.FirstOrDefault(r => string.Equals(r.TargetGroup, row.TargetGroup, StringComparison.OrdinalIgnoreCase));
            if (old is null)
            {
                changes.Add(new RowChange(row.TargetGroup, "Added", Columns(row).Select(c => new FieldChange(c.Column, "", c.Value)).ToList()));
                continue;
            }

            unmatched.Remove(old);
            var fields = Columns(old).Zip(Columns(row))
                .Where(p => !string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal))
                .Select(p => new FieldChange(p.First.Column, p.First.Value, p.Second.Value)).ToList();
            if (fields.Count > 0)
            {
                changes.Add(new RowChange(row.TargetGroup, "Changed", fields));
            }
        }

        changes.AddRange(unmatched.Select(r => new RowChange(r.TargetGroup, "Removed", Columns(r).Select(c => new FieldChange(c.Column, c.Value, "")).ToList())));
        return changes;
    }

    private static IEnumerable<(string Column, string Value)> Columns(RequirementRow r)
    {
        var c = PlanFramework.Current.Annex2Columns;
        yield return (c[0], r.TargetGroup);
        yield return (c[1], r.Rationale);
        yield return (c[2], string.Join(", ", r.DeliveryPartners));
        yield return (c[3], PlanLabels.Money(r.Budget));
        yield return (c[4], string.Join(", ", r.SourcesOfInvestment.Select(s => s.Label())));
        yield return (c[5], r.Volumes.ToString("N0", CultureInfo.InvariantCulture));
        yield return (c[6], r.DeliveryMethod);
        yield return (c[7], r.OutcomeExpected);
        yield return ("Policy drivers", string.Join(", ", r.PolicyDrivers.Select(p => p.Label())));
    }

    private static void Field(List<FieldChange> changes, string name, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(name, before, after));
        }
    }
}
