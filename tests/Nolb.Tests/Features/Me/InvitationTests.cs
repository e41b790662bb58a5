using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Features.Me;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Me;

/// <summary>A key worker invites a person by email; the one-time, expiring link lets them set their own password and see only their own record.</summary>
public sealed partial class InvitationTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private const string NewPassword = "my own long password";

    private static async Task<string> InviteAsync(HttpClient keyWorker, Guid personId, string email)
    {
        var response = await keyWorker.SubmitFormAsync($"/Participants/{personId}/Invite", new() { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Contains($"Invitation sent to {email}", page, StringComparison.Ordinal);
        return LinkPattern().Match(page).Value;
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task An_invited_person_sets_their_password_once_and_then_sees_their_own_support()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker, name: "Kirsty Inviter");
        var person = await app.PersonAsync(keyWorker: keyWorker, given: "Innes");
        using var staff = await app.PageClientAsync(keyWorker.Email!);
        var email = $"innes-{Guid.NewGuid():N}@example.com";

        var link = await InviteAsync(staff, person.Id, email);

        var outbox = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.To == email).ToListAsync());
        var sent = Assert.Single(outbox);
        Assert.Contains(link, sent.Body, StringComparison.Ordinal);
        Assert.Contains("Kirsty Inviter", sent.Body, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ParticipantInvitations.AsNoTracking().SingleAsync(i => i.ParticipantId == person.Id));
        Assert.DoesNotContain(stored.TokenHash, link, StringComparison.OrdinalIgnoreCase);

        using var anonymous = app.AnonymousPageClient();
        Assert.Contains(email, await anonymous.PageTextAsync(PathOf(link)), StringComparison.Ordinal);
        var accepted = await anonymous.SubmitFormAsync(PathOf(link), new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Contains("Your account is ready", await accepted.TextAsync(), StringComparison.Ordinal);

        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal((Role.Participant, person.Id, person.LepId), (account.Role, account.ParticipantId, account.LepId));
        using var own = await app.PageClientAsync(email, NewPassword);
        var page = await own.PageTextAsync("/Me");
        Assert.Contains("Hello Innes", page, StringComparison.Ordinal);
        Assert.Contains("Kirsty Inviter", page, StringComparison.Ordinal);

        var again = await anonymous.GetAsync(PathOf(link));
        Assert.Contains(AcceptModel.NotValid, await again.TextAsync(), StringComparison.Ordinal);
        // The used link's page has no form any more, so the token comes from the sign-in page, as a replayed post would.
        await anonymous.SubmitFormAsync("/Account/SignIn", new() { ["Input.Password"] = NewPassword + "x", ["Input.ConfirmPassword"] = NewPassword + "x" }, PathOf(link));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.ParticipantId == person.Id)));
    }

    [Fact]
    public async Task An_expired_link_and_a_link_replaced_by_a_newer_invitation_do_not_work()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var staff = await app.PageClientAsync(keyWorker.Email!);
        var first = await InviteAsync(staff, person.Id, $"first-{Guid.NewGuid():N}@example.com");
        var second = await InviteAsync(staff, person.Id, $"second-{Guid.NewGuid():N}@example.com");
        using var anonymous = app.AnonymousPageClient();

        Assert.Contains(AcceptModel.NotValid, await anonymous.PageTextAsync(PathOf(first)), StringComparison.Ordinal);
        Assert.DoesNotContain(AcceptModel.NotValid, await anonymous.PageTextAsync(PathOf(second)), StringComparison.Ordinal);

        await app.WithDbAsync(db => db.ParticipantInvitations.Where(i => i.ParticipantId == person.Id)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var response = await anonymous.SubmitFormAsync("/Account/SignIn", new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }, PathOf(second));

        Assert.Contains(AcceptModel.NotValid, await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.ParticipantId == person.Id)));
    }

    [Fact]
    public async Task A_short_or_mismatched_password_is_explained_and_makes_no_account()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var staff = await app.PageClientAsync(keyWorker.Email!);
        var link = PathOf(await InviteAsync(staff, person.Id, $"pw-{Guid.NewGuid():N}@example.com"));
        using var anonymous = app.AnonymousPageClient();

        var mismatched = await anonymous.SubmitFormAsync(link, new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = "something else entirely" });
        var tooShort = await anonymous.SubmitFormAsync(link, new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });

        Assert.Contains("The two passwords are not the same", await mismatched.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("Your password is too short", await tooShort.TextAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.ParticipantId == person.Id)));
        Assert.DoesNotContain(AcceptModel.NotValid, await anonymous.PageTextAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_email_is_explained_and_sends_nothing_and_another_leps_person_cannot_be_invited()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        var fifeWorker = await app.StaffAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var fifePerson = await app.PersonAsync(NolbAppFactory.Fife, fifeWorker);
        using var staff = await app.PageClientAsync(keyWorker.Email!);
        var before = await app.CountAsync<OutboxEmail>();

        var bad = await staff.SubmitFormAsync($"/Participants/{person.Id}/Invite", new() { ["Input.Email"] = "not an email" });

        Assert.Contains("Enter the email address in the right format", await bad.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<OutboxEmail>());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Participants/{fifePerson.Id}/Invite")).StatusCode);
    }

    [GeneratedRegex(@"https://localhost/Me/Accept\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
