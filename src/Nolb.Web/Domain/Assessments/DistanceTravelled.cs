namespace Nolb.Web.Domain.Assessments;

/// <summary>
/// How far a person has come across their assessments: each domain's scores over time and the change
/// from the first assessment that scored it to the latest that did. A positive change is progress (the
/// scale runs from 1, "this stops me working", to 5, "a strength"). Pure: the measurement reports reuse it.
/// </summary>
public static class DistanceTravelled
{
    /// <summary>One assessment as the calculation needs it; <paramref name="RecordedAt"/> orders two on the same day.</summary>
    public sealed record Snapshot(DateOnly AssessedOn, DateTime RecordedAt, IReadOnlyDictionary<AssessmentDomain, int> Scores);

    /// <summary>A domain's score on each assessment (null where it was not discussed) and its change first → latest.</summary>
    public sealed record DomainProgress(AssessmentDomain Domain, IReadOnlyList<int?> Scores, int? First, int? Latest)
    {
        /// <summary>Latest minus first; null unless the domain was scored on at least two assessments.</summary>
        public int? Change => Times >= 2 ? Latest - First : null;

        public int Times => Scores.Count(s => s is not null);
    }

    public sealed record Result(IReadOnlyList<DateOnly> Dates, IReadOnlyList<DomainProgress> Domains)
    {
        /// <summary>Domains scored at least once, in the order of <see cref="AssessmentDomain"/>.</summary>
        public IEnumerable<DomainProgress> Scored => Domains.Where(d => d.Times > 0);

        /// <summary>Domains whose change can be measured (scored twice or more).</summary>
        public IEnumerable<DomainProgress> Compared => Domains.Where(d => d.Change is not null);

        public int Improved => Compared.Count(d => d.Change > 0);
        public int Unchanged => Compared.Count(d => d.Change == 0);
        public int Declined => Compared.Count(d => d.Change < 0);

        /// <summary>The mean change across compared domains, rounded to 2 places; null when none compares.</summary>
        public decimal? AverageChange => Compared.Any()
            ? Math.Round((decimal)Compared.Sum(d => d.Change!.Value) / Compared.Count(), 2, MidpointRounding.AwayFromZero)
            : null;
    }

    public static Result Calculate(IEnumerable<Snapshot> assessments)
    {
        var ordered = assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).ToList();
        foreach (var score in ordered.SelectMany(a => a.Scores.Values))
        {
            if (!AssessmentScale.IsValid(score))
            {
                throw new ArgumentException($"A score of {score} is outside the 1–5 scale.", nameof(assessments));
            }
        }

        var domains = Enum.GetValues<AssessmentDomain>().Select(domain =>
        {
            var scores = ordered.Select(a => a.Scores.TryGetValue(domain, out var s) ? s : (int?)null).ToList();
            var scored = scores.Where(s => s is not null).ToList();
            return new DomainProgress(domain, scores, scored.FirstOrDefault(), scored.LastOrDefault());
        }).ToList();
        return new Result(ordered.Select(a => a.AssessedOn).ToList(), domains);
    }

    public static Snapshot ToSnapshot(this NeedsAssessment assessment) =>
        new(assessment.AssessedOn, assessment.RecordedAt, assessment.Scores.ToDictionary(s => s.Domain, s => s.Score));
}
