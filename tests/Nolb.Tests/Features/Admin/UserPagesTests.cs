using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Admin;

public sealed class UserPagesTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task The_create_page_creates_a_glasgow_key_worker_who_then_sees_their_home_page()
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var email = $"page-created-{Guid.NewGuid():N}@glasgow.test";

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Aileen Keyworker",
            ["Input.Email"] = email,
            ["Input.Role"] = "KeyWorker",
            ["Input.LepCode"] = NolbAppFactory.Glasgow,
            ["Input.Password"] = "a-good-long-password",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var keyWorker = await app.PageClientAsync(email, "a-good-long-password");
        var home = await keyWorker.GetStringAsync("/");
        Assert.Contains("Hello, Aileen Keyworker", home, StringComparison.Ordinal);
        Assert.Contains("Glasgow City LEP", home, StringComparison.Ordinal);
        Assert.Contains("Key worker", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_page_lists_every_problem_and_keeps_what_was_typed()
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Typed Name",
            ["Input.Email"] = "not-an-email",
            ["Input.Role"] = "KeyWorker",
            ["Input.Password"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_LepCode\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed Name\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_to_an_account_is_refused()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleAsync());
        Dictionary<string, string> Form(string name) => new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Role"] = "KeyWorker",
            ["Input.LepCode"] = NolbAppFactory.Glasgow,
            ["Input.Disabled"] = "false",
            ["Input.ConcurrencyStamp"] = stamp!,
        };

        var first = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", Form("First Change"));
        var second = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", Form("Second Change"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Someone else changed this account", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First Change", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Setting_a_new_password_unlocks_the_account()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            return await db.SaveChangesAsync();
        });
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new() { ["NewPassword"] = "a-brand-new-password" }, postUrl: $"/Admin/Users/Edit/{user.Id}?handler=Password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var signedIn = await app.ApiClientAsync(user.Email!, "a-brand-new-password");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_users_list_finds_people_by_name_role_and_lep()
    {
        var fifeKeyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Fife);
        var glasgowKeyWorker = await app.CreateUserAsync(Role.KeyWorker, NolbAppFactory.Glasgow);
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var html = await admin.GetStringAsync($"/Admin/Users?Role=KeyWorker&Lep={NolbAppFactory.Fife}");

        Assert.Contains(fifeKeyWorker.Email!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(glasgowKeyWorker.Email!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_id_answers_404()
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var response = await admin.GetAsync($"/Admin/Users/Edit/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
