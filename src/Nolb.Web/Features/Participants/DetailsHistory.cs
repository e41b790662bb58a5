using System.Globalization;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// The rectification history of a person's details: each save compares the fields before and after and keeps one
/// <see cref="ParticipantChange"/> per field that changed, with the old and new value as the record page shows them.
/// </summary>
public static class DetailsHistory
{
    public sealed record FieldValue(string Field, string? Value, bool IsEquality);

    public static IReadOnlyList<FieldValue> Snapshot(Participant p)
    {
        var e = p.Equality;
        var c = p.Circumstances;
        return
        [
            new("Given name", p.GivenName, false),
            new("Family name", p.FamilyName, false),
            new("Preferred name", p.PreferredName, false),
            new("Date of birth", p.DateOfBirth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), false),
            new("National Insurance number", p.NationalInsuranceNumber, false),
            new("Postcode", p.Postcode, false),
            new("Address", p.AddressLine, false),
            new("Email", p.Email, false),
            new("Phone", p.Phone, false),
            new("Preferred contact", p.PreferredContact.Label(), false),
            new("Employment at start", p.EmploymentStatusAtStart.Label(), false),
            new("Benefits at start", string.Join(", ", p.BenefitsAtStart.Select(b => b.Label())), false),
            new("Highest qualification", ParticipantLabels.ScqfLabel(p.HighestScqfLevel), false),
            new("Sex", e.Sex?.Label(), true),
            new("Trans status or history", e.TransStatus?.Label(), true),
            new("Ethnic group", e.Ethnicity?.Label(), true),
            new("Disabled", e.Disabled?.Label(), true),
            new("Long-term health condition", e.LongTermHealthCondition?.Label(), true),
            new("Religion", e.Religion?.Label(), true),
            new("Sexual orientation", e.SexualOrientation?.Label(), true),
            new("Life circumstances", Circumstances(c), false),
        ];
    }

    /// <summary>The changes between two snapshots of the same record, ready to add to the context.</summary>
    public static IEnumerable<ParticipantChange> Changes(
        Participant p, IReadOnlyList<FieldValue> before, IReadOnlyList<FieldValue> after, string? reason, Guid? by, DateTime now) =>
        before.Zip(after)
            .Where(pair => !string.Equals(pair.First.Value ?? "", pair.Second.Value ?? "", StringComparison.Ordinal))
            .Select(pair => new ParticipantChange
            {
                ParticipantId = p.Id,
                LepId = p.LepId,
                ChangedAt = now,
                ChangedByUserId = by,
                Field = pair.First.Field,
                OldValue = Clip(pair.First.Value),
                NewValue = Clip(pair.Second.Value),
                Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
                IsEqualityData = pair.First.IsEquality,
            });

    private static string Circumstances(LifeCircumstances c)
    {
        var named = new (bool On, string Label)[]
        {
            (c.CareExperienced, "care experienced"), (c.Parent, "parent"), (c.LoneParent, "lone parent"),
            (c.DisabledParentOrChild, "disabled parent or child"), (c.ThreeOrMoreChildren, "three or more children"),
            (c.MinorityEthnicFamily, "minority ethnic family"), (c.YoungestChildUnderOne, "youngest child under one"),
            (c.MotherUnder25, "mother under 25"), (c.Carer, "carer"), (c.JusticeExperience, "justice experience"),
            (c.HomelessOrAtRisk, "homeless or at risk"), (c.RefugeeOrAsylumSeeker, "refugee or asylum seeker"),
            (c.Veteran, "veteran"), (c.SubstanceUseRecovery, "in recovery from substance use"),
        };
        var on = named.Where(n => n.On).Select(n => n.Label).ToList();
        return on.Count == 0 ? "None" : string.Join(", ", on);
    }

    private static string? Clip(string? value) =>
        value is { Length: > ParticipantChange.ValueLength } ? value[..ParticipantChange.ValueLength] : value;
}
