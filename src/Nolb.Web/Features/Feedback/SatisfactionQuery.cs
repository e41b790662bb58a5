using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Features.Feedback;

/// <summary>
/// Customer Charter results for an LEP: the satisfaction figure (the share of ratings that are 4 or 5 out of 5), per
/// commitment and per period and service. The measurement framework's satisfaction indicator calls
/// <see cref="SatisfactionAsync"/>. Anonymous and named feedback count alike; nothing here names a person.
/// </summary>
public sealed class SatisfactionQuery(NolbDbContext db)
{
    public sealed record Satisfaction(int Responses, int Ratings, int Satisfied)
    {
        /// <summary>Percentage of ratings that were 4 or 5, to one decimal place; null with no ratings.</summary>
        public decimal? Percent => Ratings == 0 ? null : Math.Round(100m * Satisfied / Ratings, 1, MidpointRounding.AwayFromZero);
    }

    public sealed record CommitmentResult(Guid CommitmentId, string Text, bool Local, int Ratings, decimal? Average, decimal? PercentSatisfied);

    public sealed record GroupResult(string Period, Guid? OrganisationId, string Service, Satisfaction Satisfaction);

    private sealed record Row(Guid ResponseId, string Period, Guid? OrganisationId, Guid CommitmentId, int Score);

    /// <summary>The satisfaction figure for an LEP, optionally for one period (e.g. "2026-27 Q3") and one service.</summary>
    public async Task<Satisfaction> SatisfactionAsync(Guid lepId, string? period, Guid? organisationId, CancellationToken ct)
    {
        var responses = Responses(lepId, period, organisationId);
        var ratings = db.FeedbackRatings.Where(r => responses.Any(x => x.Id == r.ResponseId));
        return new Satisfaction(await responses.CountAsync(ct), await ratings.CountAsync(ct), await ratings.CountAsync(r => r.Score >= 4, ct));
    }

    /// <summary>
    /// Every rating given in the financial quarters from <paramref name="from"/> to <paramref name="to"/>, for an LEP or
    /// (with no LEP) Scotland: the facts the measurement framework's satisfaction indicator counts, by the same rule as
    /// <see cref="SatisfactionAsync"/> (a rating of 4 or 5 is satisfied).
    /// </summary>
    public async Task<IReadOnlyList<FeedbackFact>> RatingsAsync(Guid? lepId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var quarters = FinancialQuarter.Covering(from, to).Where(q => q.Start >= from && q.End <= to)
            .ToDictionary(q => Domain.Voice.FeedbackResponse.PeriodOf(q.Start), StringComparer.Ordinal);
        var labels = quarters.Keys.ToList();
        var rows = await (from r in db.FeedbackResponses.AsNoTracking()
                          join x in db.FeedbackRatings on r.Id equals x.ResponseId
                          where (lepId == null || r.LepId == lepId) && labels.Contains(r.Period)
                          select new { x.Id, r.LepId, r.Period, x.Score })
            .ToListAsync(ct);
        return rows.Select(r => new FeedbackFact(r.Id, r.LepId, quarters[r.Period].Start, quarters[r.Period].End, r.Score)).ToList();
    }

    public async Task<IReadOnlyList<CommitmentResult>> ByCommitmentAsync(Guid lepId, string? period, Guid? organisationId, CancellationToken ct)
    {
        var rows = await RowsAsync(lepId, period, organisationId, ct);
        var commitments = await db.CharterCommitments.AsNoTracking()
            .Where(c => c.LepId == null || c.LepId == lepId)
            .Select(c => new { c.Id, c.Text, c.LepId, c.Order, c.Active })
            .ToListAsync(ct);
        return commitments
            .Where(c => c.Active || rows.Any(r => r.CommitmentId == c.Id))
            .OrderBy(c => c.LepId is null ? 0 : 1).ThenBy(c => c.Order)
            .Select(c =>
            {
                var scores = rows.Where(r => r.CommitmentId == c.Id).Select(r => r.Score).ToList();
                return new CommitmentResult(c.Id, c.Text, c.LepId is not null, scores.Count,
                    scores.Count == 0 ? null : Math.Round((decimal)scores.Average(), 1, MidpointRounding.AwayFromZero),
                    scores.Count == 0 ? null : Math.Round(100m * scores.Count(s => s >= 4) / scores.Count, 1, MidpointRounding.AwayFromZero));
            })
            .ToList();
    }

    public async Task<IReadOnlyList<GroupResult>> ByPeriodAndServiceAsync(Guid lepId, CancellationToken ct)
    {
        var rows = await RowsAsync(lepId, null, null, ct);
        var responseCounts = await Responses(lepId, null, null)
            .GroupBy(r => new { r.Period, r.OrganisationId })
            .Select(g => new { g.Key.Period, g.Key.OrganisationId, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return responseCounts
            .Select(g =>
            {
                var scores = rows.Where(r => r.Period == g.Period && r.OrganisationId == g.OrganisationId).ToList();
                return new GroupResult(g.Period, g.OrganisationId, g.OrganisationId is { } id ? names.GetValueOrDefault(id, "Unknown") : "Not recorded",
                    new Satisfaction(g.Count, scores.Count, scores.Count(s => s.Score >= 4)));
            })
            .OrderByDescending(g => g.Period, StringComparer.Ordinal).ThenBy(g => g.Service, StringComparer.Ordinal)
            .ToList();
    }

    private IQueryable<Domain.Voice.FeedbackResponse> Responses(Guid lepId, string? period, Guid? organisationId) =>
        db.FeedbackResponses.AsNoTracking()
            .Where(r => r.LepId == lepId && (period == null || r.Period == period) && (organisationId == null || r.OrganisationId == organisationId));

    private async Task<List<Row>> RowsAsync(Guid lepId, string? period, Guid? organisationId, CancellationToken ct) =>
        await (from r in Responses(lepId, period, organisationId)
               join x in db.FeedbackRatings on r.Id equals x.ResponseId
               select new Row(r.Id, r.Period, r.OrganisationId, x.CommitmentId, x.Score))
            .ToListAsync(ct);
}
