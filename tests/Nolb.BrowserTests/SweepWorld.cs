using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.BrowserTests;

/// <summary>
/// The accessibility sweep's own data: a user of every role in Glasgow (or national), a Glasgow
/// organisation, a participant with an open engagement at stage 2, two needs assessments and an action plan,
/// one with an open engagement and nothing planned yet, and one with no engagement.
/// </summary>
public sealed class SweepWorld
{
    public const string GivenName = "Sweep";
    public const string FamilyName = "Testperson";
    public static readonly DateOnly DateOfBirth = new(1990, 4, 30);

    public required IReadOnlyDictionary<Role, NolbUser> Users { get; init; }
    public required IReadOnlyDictionary<string, string> Ids { get; init; }

    public static async Task<SweepWorld> CreateAsync(NolbServer server)
    {
        var organisation = await server.CreateOrganisationAsync("Sweep Employability Trust");
        var users = new Dictionary<Role, NolbUser>();
        foreach (var role in Enum.GetValues<Role>())
        {
            users[role] = await server.CreateUserAsync(role, $"Sweep {role.DisplayName()}", role.RequiresOrganisation() ? organisation.Id : null);
        }

        var participant = await server.CreateParticipantAsync(GivenName, FamilyName, DateOfBirth, users[Role.KeyWorker].Id);
        var plan = await server.AddAssessmentsAndPlanAsync(participant.OpenEngagement!.Id, users[Role.KeyWorker].Id, organisation.Id);
        await server.WithDbAsync(db => db.Users.Where(u => u.Id == users[Role.Participant].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ParticipantId, participant.Id)));
        var unplanned = await server.CreateParticipantAsync("Sweepnew", "Unplanned", new DateOnly(1996, 8, 2), users[Role.KeyWorker].Id);
        var unengaged = await server.CreateParticipantAsync("Sweepnot", "Engaged", new DateOnly(2001, 1, 15), keyWorkerId: null);
        var work = await server.CreateSweepRecordsAsync(organisation.Id, users[Role.KeyWorker].Id, users[Role.PartnerWorker].Id, participant.Id, participant.DisplayName, participant.OpenEngagement!.Id);
        return new SweepWorld
        {
            Users = users,
            Ids = new Dictionary<string, string>
            {
                ["{keyWorker}"] = users[Role.KeyWorker].Id.ToString(),
                ["{organisation}"] = organisation.Id.ToString(),
                ["{participant}"] = participant.Id.ToString(),
                ["{engagement}"] = participant.OpenEngagement!.Id.ToString(),
                ["{consent}"] = participant.Consents.Single().Id.ToString(),
                ["{item}"] = plan.Items[0].Id.ToString(),
                ["{unplanned}"] = unplanned.OpenEngagement!.Id.ToString(),
                ["{unplannedParticipant}"] = unplanned.Id.ToString(),
                ["{unengaged}"] = unengaged.Id.ToString(),
            }.Concat(work).ToDictionary(),
        };
    }

    /// <summary>The path with its placeholders replaced by this world's ids.</summary>
    public string Fill(string path)
    {
        foreach (var (placeholder, id) in Ids)
        {
            path = path.Replace(placeholder, id, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return path;
    }
}
