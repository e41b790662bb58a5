using System.Net;
using System.Net.Http.Json;

namespace Nolb.Tests.Infrastructure;

public sealed class StrictSignInLimitFactory : NolbAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:SignIn:AttemptsPerMinute"] = "3" };
}

public sealed class SignInRateLimitTests(StrictSignInLimitFactory app) : IClassFixture<StrictSignInLimitFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_answer_429_with_retry_after()
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess{attempt}@nolb.test", password = "guessing-passwords" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Reading_the_sign_in_page_is_not_limited()
    {
        using var client = app.AnonymousPageClient();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
        }
    }
}
