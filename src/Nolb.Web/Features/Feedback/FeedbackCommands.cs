using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Feedback;

/// <summary>
/// Customer Charter feedback: the commitments a person in an LEP is asked about (the national ones, then the LEP's
/// own), and giving feedback for one engagement, online or keyed in from paper. Named feedback is given once per
/// engagement and point; anonymous feedback is stored with no link to the person at all.
/// </summary>
public sealed class FeedbackCommands(NolbDbContext db, TimeProvider clock)
{
    public const string AlreadyGiven = "Feedback for this point has already been given with a name on it. Choose another point";

    public async Task<IReadOnlyList<CharterCommitment>> CommitmentsForAsync(Guid? lepId, CancellationToken ct)
    {
        var rows = await db.CharterCommitments.AsNoTracking()
            .Where(c => c.Active && (c.LepId == null || c.LepId == lepId))
            .ToListAsync(ct);
        return rows.OrderBy(c => c.LepId is null ? 0 : 1).ThenBy(c => c.Order).ThenBy(c => c.Text, StringComparer.Ordinal).ToList();
    }

    public async Task<(FeedbackResponse? Response, IReadOnlyList<(string Field, string Message)> Errors)> GiveAsync(
        Participant person, Engagement engagement, FeedbackForm form, FeedbackChannel channel, CancellationToken ct)
    {
        var commitments = await CommitmentsForAsync(engagement.LepId, ct);
        var organisationId = engagement.KeyWorkerId is { } keyWorkerId
            ? await db.Users.Where(u => u.Id == keyWorkerId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct)
            : null;
        var (response, errors) = FeedbackResponse.Give(
            engagement.LepId, organisationId, form.Point, channel, form.Anonymous, person.Id, engagement.Id,
            form.Scores(), commitments.Select(c => c.Id).ToHashSet(), form.Improvement, UkTime.Today(clock));
        if (response is null)
        {
            return (null, errors);
        }

        if (!response.IsAnonymous && await db.FeedbackResponses.AnyAsync(r => r.EngagementId == engagement.Id && r.Point == response.Point, ct))
        {
            return (null, [("point", AlreadyGiven)]);
        }

        db.FeedbackResponses.Add(response);
        await db.SaveChangesAsync(ct);
        return (response, []);
    }
}
