using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Commissioning;

/// <summary>
/// The attribution rule: which case data counts towards a contract. It lives here, in one place, and the contract
/// page shows <see cref="Rule"/> word for word.
/// <list type="number">
/// <item>An engagement counts for a contract when it is in the contract's LEP, lists the contract's funding stream, and
/// during the contract's period the partner organisation either delivered an intervention on it, or accepted a referral
/// for the person (to one of the contract's services, when the contract names any) while the engagement was open.</item>
/// <item>A <b>start</b> is counted once per engagement, on the first such day.</item>
/// <item>A <b>stage progression</b> is a move to a higher pipeline stage than the one before, on or after that start and
/// by the end of the period. Moving back or staying put is not a progression.</item>
/// <item>A <b>job outcome</b> is a job entry or self-employment recorded on the engagement, starting on or after that
/// start and by the end of the period.</item>
/// </list>
/// </summary>
public static class ContractActuals
{
    public const string Rule =
        "An engagement counts for this contract when it is in the contract's LEP, lists the contract's funding stream, and during the contract's period " +
        "the partner delivered an intervention on it, or accepted a referral for the person (to one of the contract's services, if it names any) while " +
        "the engagement was open. A start is counted once per engagement, on the first such day. A stage progression is a move to a higher pipeline " +
        "stage than the one before, from that start to the end of the period. A job outcome is a job or self-employment that began on the engagement " +
        "from that start to the end of the period.";

    public static IReadOnlyList<AttributedEvent> For(DeliveryContract contract, CaseFacts facts)
    {
        var events = new List<AttributedEvent>();
        var support = facts.Support.Where(s => s.OrganisationId == contract.PartnerOrganisationId && contract.Covers(s.Date)).ToList();
        foreach (var e in facts.Engagements.Where(e => e.LepId == contract.LepId && e.FundingStreams.Contains(contract.FundingStream)))
        {
            var first = support
                .Where(s => s.Kind == SupportKind.Intervention
                    ? s.EngagementId == e.Id
                    : s.ParticipantId == e.ParticipantId && s.Date >= e.StartDate && (e.LeftOn is null || s.Date <= e.LeftOn)
                      && (contract.ServiceIds.Count == 0 || (s.ServiceId is { } service && contract.ServiceIds.Contains(service))))
                .Select(s => (DateOnly?)s.Date)
                .Min();
            if (first is not { } start)
            {
                continue;
            }

            events.Add(new(ActualKind.Start, e.Id, start));
            var previous = PipelineStage.EngagementReferralAndAssessment;
            foreach (var move in facts.Moves.Where(m => m.EngagementId == e.Id).OrderBy(m => m.Date).ThenBy(m => m.RecordedAt))
            {
                if (move.Stage > previous && move.Date >= start && move.Date <= contract.EndDate)
                {
                    events.Add(new(ActualKind.Progression, e.Id, move.Date));
                }

                previous = move.Stage;
            }

            events.AddRange(facts.Outcomes
                .Where(o => o.EngagementId == e.Id && o.IsWork && o.StartDate >= start && o.StartDate <= contract.EndDate)
                .Select(o => new AttributedEvent(ActualKind.JobOutcome, e.Id, o.StartDate)));
        }

        return events;
    }
}

/// <summary>The case data the rule looks at, narrowed by the caller to the contracts' LEP, partners and dates.</summary>
public sealed record CaseFacts(
    IReadOnlyList<EngagementFact> Engagements, IReadOnlyList<SupportFact> Support, IReadOnlyList<StageFact> Moves, IReadOnlyList<OutcomeFact> Outcomes);

public sealed record EngagementFact(Guid Id, Guid ParticipantId, Guid LepId, DateOnly StartDate, DateOnly? LeftOn, IReadOnlyList<FundingStream> FundingStreams);

/// <summary>Support by an organisation: an intervention it delivered on an engagement, or a referral to it that it accepted (dated when accepted).</summary>
public sealed record SupportFact(SupportKind Kind, Guid? EngagementId, Guid ParticipantId, Guid OrganisationId, Guid? ServiceId, DateOnly Date);

public sealed record StageFact(Guid EngagementId, PipelineStage Stage, DateOnly Date, DateTime RecordedAt);

public sealed record OutcomeFact(Guid EngagementId, bool IsWork, DateOnly StartDate);

public sealed record AttributedEvent(ActualKind Kind, Guid EngagementId, DateOnly Date);

public enum SupportKind
{
    Intervention,
    Referral,
}

public enum ActualKind
{
    Start,
    Progression,
    JobOutcome,
}
