using System.Net;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

public sealed class ShortSessionAppFactory : NolbAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Nolb:Sessions:IdleTimeout"] = "00:20:00",
        ["Nolb:Sessions:AbsoluteTimeout"] = "01:00:00",
    };
}

/// <summary>A page session ends after the idle timeout without a request, and at the absolute timeout however busy.</summary>
public sealed class SessionTimeoutTests(ShortSessionAppFactory app) : IClassFixture<ShortSessionAppFactory>
{
    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Admin/Users");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return false;
    }

    [Fact]
    public async Task A_session_left_idle_longer_than_the_idle_timeout_ends()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var client = await app.PageClientAsync(user.Email!);
        Assert.True(await SignedInAsync(client));

        app.Clock.Offset += TimeSpan.FromMinutes(15);
        Assert.True(await SignedInAsync(client));
        app.Clock.Offset += TimeSpan.FromMinutes(21);

        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_the_absolute_timeout()
    {
        var user = await app.CreateUserAsync(Role.Administrator);
        using var client = await app.PageClientAsync(user.Email!);

        for (var step = 0; step < 3; step++)
        {
            app.Clock.Offset += TimeSpan.FromMinutes(15);
            Assert.True(await SignedInAsync(client), $"still signed in after {(step + 1) * 15} minutes of use");
        }

        app.Clock.Offset += TimeSpan.FromMinutes(16);
        Assert.False(await SignedInAsync(client));
    }
}
