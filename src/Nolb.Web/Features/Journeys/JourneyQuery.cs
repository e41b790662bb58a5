using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Measurement;
using Nolb.Web.Features.Participants;

namespace Nolb.Web.Features.Journeys;

/// <summary>
/// Loads an LEP's engagements, stage moves, interventions and outbound referrals (dates, stages, leaving reasons and service
/// names only: nothing that names a person) from the reporting database in four queries, whatever the LEP's size, and builds
/// the customer journey map (<see cref="JourneyMap"/>).
/// </summary>
public sealed class JourneyQuery(ReportingDbContextFactory reporting, Statistics statistics)
{
    public sealed record Map(string Area, JourneyMapResult Result);

    /// <summary>The map for the LEP named by its GSS code (the user's own when none); null when it is not the user's LEP (404).</summary>
    public async Task<Map?> ForAsync(string? lepCode, CancellationToken ct)
    {
        if (await statistics.AreaAsync(lepCode, ct) is not { LepId: { } lepId } area)
        {
            return null;
        }

        await using var db = reporting.Create();
        var engagements = await db.Engagements.Where(e => e.LepId == lepId)
            .Select(e => new { e.Id, e.ParticipantId, e.StartDate, e.LeftOn, e.LeavingReason }).ToListAsync(ct);
        var moves = (await db.StageMoves.Where(m => db.Engagements.Any(e => e.Id == m.EngagementId && e.LepId == lepId))
                .Select(m => new StageMoveFact(m.EngagementId, m.Stage, m.Date, m.RecordedAt)).ToListAsync(ct))
            .ToLookup(m => m.EngagementId);
        var journeys = engagements
            .Select(e => new JourneyInput(e.Id, e.StartDate, e.LeftOn, e.LeavingReason, moves[e.Id].ToList()) { ParticipantId = e.ParticipantId })
            .ToList();

        var interventions = await db.Interventions.Where(i => i.LepId == lepId && db.Engagements.Any(e => e.Id == i.EngagementId && e.LepId == lepId))
            .Select(i => new ServiceUse(i.EngagementId, JourneyServiceKind.Intervention, i.Type!.Name, i.Type.Category!.Name, i.StartDate))
            .ToListAsync(ct);
        var referrals = await (from r in db.Referrals
                               join s in db.DirectoryServices on r.ServiceId equals s.Id
                               where r.LepId == lepId && r.Direction == ReferralDirection.Outbound && r.ParticipantId != null
                               select new { ParticipantId = r.ParticipantId!.Value, Service = s.Name, Organisation = s.Organisation!.Name, r.SentAt })
            .ToListAsync(ct);
        var services = interventions
            .Concat(JourneyServices.Referrals(journeys, referrals.Select(r => new ReferralSent(r.ParticipantId, r.Service, r.Organisation, DateOnly.FromDateTime(r.SentAt)))))
            .ToList();
        return new Map(area.Name, JourneyMap.Build(journeys, services: services, leavingLabel: ParticipantLabels.Label));
    }
}
