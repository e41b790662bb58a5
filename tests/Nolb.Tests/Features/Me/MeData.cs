using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Me;

/// <summary>Test data for the participant's own view: a person on a key worker's caseload with their own account, and plan items made through the staff API.</summary>
public static class MeData
{
    public sealed record Linked(NolbUser KeyWorker, Participant Person, Guid EngagementId, NolbUser Account);

    /// <summary>A person with an open engagement on a new key worker's caseload and a participant account linked to them.</summary>
    public static async Task<Linked> LinkedPersonAsync(this NolbAppFactory app, string lepCode = NolbAppFactory.Glasgow, string given = "Morag")
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, lepCode, name: CaseData.UniqueName("Keyworker"));
        var person = await app.PersonAsync(lepCode, keyWorker, given: given);
        var account = await app.CreateUserAsync(Role.Participant, lepCode);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ParticipantId, person.Id)));
        return new Linked(keyWorker, person, person.Engagements.Single().Id, account);
    }

    /// <summary>Adds a goal and action to the plan as the key worker, through the staff API; returns the item's id.</summary>
    public static async Task<Guid> PlanItemAsync(this NolbAppFactory app, Linked c, string goal, string action, string owner = "Participant")
    {
        using var api = await app.ApiClientAsync(c.KeyWorker.Email!);
        var response = await api.PostAsJsonAsync($"/api/v1/engagements/{c.EngagementId}/action-plan/items",
            new { goal, action, owner, status = "NotStarted" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
