namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// The kinds of record beyond engagements (always needed: every unit stands on one) that an indicator counts, so that
/// a table of a few indicators loads only what they count.
/// </summary>
[Flags]
public enum FactKinds
{
    None = 0,
    StageMoves = 1,
    Outcomes = 2,
    SustainmentChecks = 4,
    Interventions = 8,
    Referrals = 16,
    Assessments = 32,
    Feedback = 64,
    ContractQuarters = 128,
    All = StageMoves | Outcomes | SustainmentChecks | Interventions | Referrals | Assessments | Feedback | ContractQuarters,
}
