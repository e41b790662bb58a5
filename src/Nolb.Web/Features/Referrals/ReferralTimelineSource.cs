using Nolb.Web.Data;
using Nolb.Web.Features.Timeline;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// The person's referrals sent during the engagement on its timeline, dated when sent, with their status and every
/// timing (answered, first contact, completed), so the referrer follows them where they follow the rest of the case.
/// </summary>
public sealed class ReferralTimelineSource(NolbDbContext db, ReferralCommands commands) : ITimelineSource
{
    public string Kind => "referrals";

    public string Label => "Referrals";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var engagement = context.Case.Engagement;
        var from = UkTime.ToUtc(engagement.StartDate, TimeOnly.MinValue);
        var until = engagement.LeftOn is { } left ? UkTime.ToUtc(left.AddDays(1), TimeOnly.MinValue) : DateTime.MaxValue;
        var rows = await db.Referrals.Where(r => r.ParticipantId == context.Case.Participant.Id && r.Direction == Domain.Referrals.ReferralDirection.Outbound)
            .RowsAsync(db, commands.Options, DateOnly.FromDateTime(UkTime.FromUtc(context.Now)), ct);
        return rows.Where(r => r.SentAt >= from && r.SentAt < until)
            .Select(r => new TimelineItem(Kind, DateOnly.FromDateTime(UkTime.FromUtc(r.SentAt)), r.SentAt,
                $"Referral to {r.ServiceName ?? "a service"}{(r.ToOrganisationName is null ? "" : $" ({r.ToOrganisationName})")}",
                Timings(r), null, r.Overdue ? $"{r.Status.Label()}, overdue" : r.Status.Label(),
                $"/Referrals/{r.Id}", "See the referral"))
            .ToList();
    }

    private static string Timings(ReferralRow r)
    {
        var parts = new List<string> { $"Sent {ReferralLabels.When(r.SentAt)}{(r.SentBy.Length == 0 ? "" : $" by {r.SentBy}")}" };
        if (r.RespondedAt is { } answered)
        {
            parts.Add($"answered {ReferralLabels.When(answered)}{(r.DeclineReason is { } why ? $": declined, {why.Label().ToLowerInvariant()}" : "")}");
        }

        if (r.FirstContactOn is { } first)
        {
            parts.Add($"first contact {ReferralLabels.Day(first)}");
        }

        if (r.CompletedAt is { } done)
        {
            parts.Add($"completed {ReferralLabels.When(done)}{(r.OutcomeNote is null ? "" : $": {r.OutcomeNote}")}");
        }

        return string.Join("; ", parts) + ".";
    }
}
