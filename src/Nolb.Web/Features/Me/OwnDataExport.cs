using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Me;

/// <summary>
/// The person's own download of their information, as JSON and as a readable PDF: their details, consents, periods of
/// support with the stages and dates, plan, appointments, referrals and outcomes. Notes written by staff, and the
/// reasons staff gave for moves and referrals, are not in it; the administrator's subject access export holds
/// everything. Always the signed-in person's record: the caller passes the id <see cref="MyRecord"/> found.
/// </summary>
public sealed class OwnDataExport(NolbDbContext db, TimeProvider clock)
{
    public const string NotIncluded =
        "Notes written by staff are not in this download. To get a copy of everything we hold about you, ask your key worker for a subject access request.";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record AboutYou(
        string Reference, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? NationalInsuranceNumber,
        string? Email, string? Phone, string? Address, string? Postcode, ContactMethod PreferredContact,
        EmploymentStatus EmploymentStatusAtStart, IReadOnlyList<Benefit> BenefitsAtStart, int? HighestScqfLevel);

    public sealed record ConsentRow(ConsentKind Kind, string? Organisation, DateOnly GivenOn, DateOnly? WithdrawnOn);

    public sealed record StageRow(PipelineStage Stage, DateOnly Date);

    public sealed record EngagementRow(DateOnly StartDate, DateOnly? LeftOn, LeavingReason? LeavingReason, PipelineStage CurrentStage, IReadOnlyList<StageRow> Stages);

    public sealed record GoalRow(string Goal, string Action, ActionOwner Owner, DateOnly? DueDate, ActionStatus Status, DateOnly? ClosedOn);

    public sealed record AppointmentRow(DateTime StartsAt, int DurationMinutes, AppointmentChannel Channel, string? Place, string WithWhom, Attendance? Attendance);

    public sealed record ReferralRow(string Service, string? Organisation, DateTime SentAt, ReferralStatus Status, DateOnly? FirstContactOn);

    public sealed record OutcomeRow(OutcomeKind Kind, DateOnly StartDate, string? JobTitle, string? Where, decimal? HoursPerWeek, decimal? HourlyPay);

    public sealed record OwnData(
        DateTime CreatedAt, string Note, AboutYou AboutYou, IReadOnlyList<ConsentRow> Consents, IReadOnlyList<EngagementRow> Support,
        IReadOnlyList<GoalRow> Plan, IReadOnlyList<AppointmentRow> Appointments, IReadOnlyList<ReferralRow> Referrals, IReadOnlyList<OutcomeRow> Outcomes);

    public async Task<OwnData> BuildAsync(Guid participantId, CancellationToken ct)
    {
        var p = await db.Participants.AsNoTracking()
            .Include(x => x.Consents).ThenInclude(c => c.Organisation)
            .Include(x => x.Engagements).ThenInclude(e => e.StageMoves)
            .AsSplitQuery()
            .SingleAsync(x => x.Id == participantId, ct);
        var engagementIds = p.Engagements.Select(e => e.Id).ToList();
        var goals = await db.ActionPlanItems.AsNoTracking()
            .Where(i => db.ActionPlans.Any(plan => plan.Id == i.ActionPlanId && engagementIds.Contains(plan.EngagementId)))
            .OrderBy(i => i.CreatedAt)
            .Select(i => new GoalRow(i.Goal, i.Action, i.Owner, i.DueDate, i.Status, i.ClosedOn))
            .ToListAsync(ct);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => engagementIds.Contains(a.EngagementId))
            .OrderBy(a => a.StartsAt)
            .Select(a => new AppointmentRow(a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, a.Attendance))
            .ToListAsync(ct);
        var referrals = await (from r in db.Referrals.AsNoTracking()
                               where r.ParticipantId == participantId && r.Direction == ReferralDirection.Outbound
                               join s in db.DirectoryServices on r.ServiceId equals s.Id into services
                               from s in services.DefaultIfEmpty()
                               join o in db.Organisations on r.ToOrganisationId equals o.Id into organisations
                               from o in organisations.DefaultIfEmpty()
                               orderby r.SentAt
                               select new ReferralRow(s == null ? "A service" : s.Name, o == null ? null : o.Name, r.SentAt, r.Status, r.FirstContactOn))
            .ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking()
            .Where(o => engagementIds.Contains(o.EngagementId))
            .OrderBy(o => o.StartDate)
            .Select(o => new OutcomeRow(o.Kind, o.StartDate, o.JobTitle, o.Employer != null ? o.Employer.Name : o.OrganisationName, o.HoursPerWeek, o.HourlyPay))
            .ToListAsync(ct);
        return new OwnData(
            clock.GetUtcNow().UtcDateTime,
            NotIncluded,
            new AboutYou(p.Reference, p.GivenName, p.FamilyName, p.PreferredName, p.DateOfBirth, p.NationalInsuranceNumber, p.Email, p.Phone,
                p.AddressLine, p.Postcode, p.PreferredContact, p.EmploymentStatusAtStart, p.BenefitsAtStart, p.HighestScqfLevel),
            p.Consents.OrderBy(c => c.GivenOn).Select(c => new ConsentRow(c.Kind, c.Organisation?.Name, c.GivenOn, c.WithdrawnOn)).ToList(),
            p.Engagements.OrderBy(e => e.StartDate).Select(e => new EngagementRow(e.StartDate, e.LeftOn, e.LeavingReason, e.CurrentStage,
                e.StageMoves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).Select(m => new StageRow(m.Stage, m.Date)).ToList())).ToList(),
            goals, appointments, referrals, outcomes);
    }

    public static byte[] ToJson(OwnData data) => JsonSerializer.SerializeToUtf8Bytes(data, Json);

    public static byte[] ToPdf(OwnData d)
    {
        var pdf = new SimplePdf("Your information");
        pdf.Heading("Your information", 18);
        pdf.Paragraph($"Made on {MeLabels.When(d.CreatedAt)}. {d.Note}", 9);
        pdf.Rule();

        pdf.Heading("About you", 13);
        var a = d.AboutYou;
        Line(pdf, "Your reference", a.Reference);
        Line(pdf, "Name", $"{a.GivenName} {a.FamilyName}");
        Line(pdf, "Name you like to use", a.PreferredName);
        Line(pdf, "Date of birth", MeLabels.Date(a.DateOfBirth));
        Line(pdf, "National Insurance number", a.NationalInsuranceNumber);
        Line(pdf, "Email", a.Email);
        Line(pdf, "Phone", a.Phone);
        Line(pdf, "Address", string.Join(", ", new[] { a.Address, a.Postcode }.Where(x => x is not null)));
        Line(pdf, "How you like us to contact you", a.PreferredContact.Label());
        Line(pdf, "Work when you started", a.EmploymentStatusAtStart.Label());
        Line(pdf, "Benefits when you started", a.BenefitsAtStart.Count == 0 ? "None" : string.Join(", ", a.BenefitsAtStart.Select(b => b.Label())));
        Line(pdf, "Highest qualification", ParticipantLabels.ScqfLabel(a.HighestScqfLevel));

        Section(pdf, "What you agreed to", d.Consents, c =>
            $"{c.Kind.Label()}{(c.Organisation is null ? "" : $" ({c.Organisation})")}: agreed on {MeLabels.Date(c.GivenOn)}"
            + (c.WithdrawnOn is { } w ? $", stopped on {MeLabels.Date(w)}" : ""));
        Section(pdf, "Your support", d.Support, e =>
            $"From {MeLabels.Date(e.StartDate)}" + (e.LeftOn is { } left ? $" to {MeLabels.Date(left)}" : ", still going")
            + ". Stages: " + string.Join("; ", e.Stages.Select(s => $"{s.Stage.Plain()} from {MeLabels.Date(s.Date)}")));
        Section(pdf, "Your plan", d.Plan, g =>
            $"{g.Goal}. What to do: {g.Action}. " + (g.DueDate is { } due ? $"By {MeLabels.Date(due)}. " : "") + g.Status.Plain() + ".");
        Section(pdf, "Your appointments", d.Appointments, x =>
            $"{MeLabels.When(x.StartsAt)}: {x.Channel.Plain()} with {x.WithWhom}" + (x.Place is null ? "" : $", {x.Place}")
            + (x.Attendance is { } att ? $" ({Attended(att)})" : ""));
        Section(pdf, "Places you were referred to", d.Referrals, r =>
            $"{r.Service}{(r.Organisation is null ? "" : $", {r.Organisation}")}: sent on {MeLabels.Date(DateOnly.FromDateTime(r.SentAt))}. {r.Status.Plain()}.");
        Section(pdf, "What you moved on to", d.Outcomes, o =>
            $"{o.Kind.Plain()}{(o.JobTitle is null ? "" : $": {o.JobTitle}")}{(o.Where is null ? "" : $" at {o.Where}")}, from {MeLabels.Date(o.StartDate)}"
            + (o.HoursPerWeek is { } h ? $", {h.ToString("0.##", CultureInfo.InvariantCulture)} hours a week" : "")
            + (o.HourlyPay is { } pay ? $", £{pay.ToString("0.00", CultureInfo.InvariantCulture)} an hour" : ""));
        return pdf.ToBytes();
    }

    private static string Attended(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "you came",
        Attendance.DidNotAttend => "you could not come",
        _ => "cancelled",
    };

    internal static void Line(SimplePdf pdf, string label, string? value) =>
        pdf.Paragraph($"{label}: {(string.IsNullOrEmpty(value) ? "Not recorded" : value)}", 10, spaceAfter: 2);

    internal static void Section<T>(SimplePdf pdf, string heading, IReadOnlyList<T> rows, Func<T, string> line)
    {
        pdf.Gap();
        pdf.Heading(heading, 13);
        if (rows.Count == 0)
        {
            pdf.Paragraph("Nothing recorded.", 10);
        }

        foreach (var row in rows)
        {
            pdf.Paragraph("- " + line(row), 10);
        }
    }
}
