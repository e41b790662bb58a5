using System.Net;
using Nolb.Web.Infrastructure;

namespace Nolb.Tests.Infrastructure;

public sealed class SecurityHeadersTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/v1/leps")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.AnonymousPageClient();

        var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public void The_content_security_policy_allows_no_inline_script_or_style()
    {
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        using var client = app.AnonymousPageClient();

        var html = await client.GetStringAsync("/Account/SignIn");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_friendly_not_found_page()
    {
        var user = await app.CreateUserAsync(Nolb.Web.Security.Role.KeyWorker);
        using var client = await app.PageClientAsync(user.Email!);

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_bearer_scheme()
    {
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/auth/login\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/leps\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/users\"", document, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nolb API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>Nolb at a real host name: HSTS is never sent to localhost, and only the public address's host is allowed.</summary>
public sealed class RealHostFactory : NolbAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:PublicBaseUrl"] = "https://nolb.example.scot" };
}

public sealed class HstsTests(RealHostFactory app) : IClassFixture<RealHostFactory>
{
    [Fact]
    public async Task Hsts_is_sent_to_a_real_host_over_https()
    {
        using var client = app.AnonymousPageClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://nolb.example.scot/Account/SignIn");

        var response = await client.SendAsync(request);

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
