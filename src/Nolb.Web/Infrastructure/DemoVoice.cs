using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Demo service user voice: the LEP's demo participant account is linked to a person with an open engagement, so it
/// opens a real "Your support" page, and a few dozen Customer Charter responses (named and anonymous) fill the results.
/// </summary>
public static class DemoVoice
{
    private static readonly string[] Comments =
    [
        "Evening appointments would help as I work days",
        "Quicker replies when I leave a message",
        "Help with bus fares to get to the college",
        "My key worker was brilliant, nothing to change",
        "Childcare during sessions would make it easier",
        "More help with CVs and interviews",
    ];

    public static async Task SeedAsync(NolbDbContext db, Lep lep, int seed, DateTime now)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.LepId == lep.Id && u.Role == Role.Participant && u.Email!.StartsWith("participant@"));
        var person = await db.Participants.Include(p => p.Engagements)
            .Where(p => p.LepId == lep.Id && p.Engagements.Any(e => e.LeftOn == null && e.KeyWorkerId != null))
            .OrderBy(p => p.Reference)
            .FirstOrDefaultAsync();
        if (account is not null && account.ParticipantId is null && person is not null
            && !await db.Users.AnyAsync(u => u.ParticipantId == person.Id))
        {
            account.ParticipantId = person.Id;
            account.DisplayName = person.DisplayName;
            await db.SaveChangesAsync();
        }

        if (await db.FeedbackResponses.AnyAsync(r => r.LepId == lep.Id))
        {
            return;
        }

        var random = new Random(seed);
        var commitments = await db.CharterCommitments.Where(c => c.LepId == null && c.Active).Select(c => c.Id).ToListAsync();
        var organisations = await db.Organisations.Where(o => o.LepId == lep.Id).OrderBy(o => o.Name).Select(o => o.Id).Take(2).ToListAsync();
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < 30; i++)
        {
            var given = today.AddDays(-random.Next(0, 360));
            var response = new FeedbackResponse
            {
                LepId = lep.Id,
                OrganisationId = organisations.Count == 0 ? null : organisations[i % organisations.Count],
                Period = FeedbackResponse.PeriodOf(given),
                Point = (FeedbackPoint)(i % 3),
                Channel = i % 4 == 0 ? FeedbackChannel.Paper : FeedbackChannel.Online,
                IsAnonymous = true,
                Improvement = i % 3 == 0 ? Comments[random.Next(Comments.Length)] : null,
                Themes = i % 6 == 0 ? ["access"] : [],
            };
            response.Ratings.AddRange(commitments.Select(c => new FeedbackRating
            {
                ResponseId = response.Id,
                CommitmentId = c,
                Score = Math.Clamp(3 + random.Next(-2, 3) + (random.Next(3) == 0 ? 0 : 1), 1, 5),
                IsAnonymous = true,
            }));
            db.FeedbackResponses.Add(response);
        }

        await db.SaveChangesAsync();
    }
}
