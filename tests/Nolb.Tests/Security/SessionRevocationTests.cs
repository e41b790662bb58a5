using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Security;

namespace Nolb.Tests.Security;

/// <summary>Disabling an account or changing its role takes effect at once, for pages and API tokens alike.</summary>
public sealed class SessionRevocationTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    private async Task<HttpResponseMessage> EditAsync(NolbUser user, string role, string? lepCode, bool disabled)
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleAsync());
        return await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = user.DisplayName,
            ["Input.Role"] = role,
            ["Input.LepCode"] = lepCode ?? "",
            ["Input.Disabled"] = disabled ? "true" : "false",
            ["Input.ConcurrencyStamp"] = stamp!,
        });
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_page_session_and_its_api_token()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var browser = await app.PageClientAsync(user.Email!);
        using var api = await app.ApiClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Users")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(user, "Administrator", null, disabled: true)).StatusCode);

        var page = await browser.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_a_role_takes_effect_on_the_next_request()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var api = await app.ApiClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users")).StatusCode);

        await EditAsync(user, "KeyWorker", NolbAppFactory.Glasgow, disabled: false);
        using var again = await app.ApiClientAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var browser = await app.PageClientAsync(user.Email!);
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleAsync());

        var response = await browser.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = user.DisplayName,
            ["Input.Role"] = "Administrator",
            ["Input.Disabled"] = "true",
            ["Input.ConcurrencyStamp"] = stamp!,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot disable your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync()));
    }
}
