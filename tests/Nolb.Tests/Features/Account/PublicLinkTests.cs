using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Tests.Features.Account;

/// <summary>
/// Nolb's public address differs from what the client names only in its port: host filtering (which ignores ports)
/// lets such a request in, so a link built from the request would show the client's port and one built from the
/// setting shows 8443.
/// </summary>
public sealed class PublicAddressOnAnotherPortFactory : NolbAppFactory
{
    public const string PublicBaseUrl = "https://localhost:8443";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:PublicBaseUrl"] = PublicBaseUrl };
}

/// <summary>
/// Password-reset poisoning: every link Nolb sends is built from <c>Nolb:PublicBaseUrl</c>, never from the request's Host
/// or X-Forwarded-Host, and a request for another host is refused. OWASP Web Security Testing Guide, WSTG-INPV-17
/// "Testing for Host Header Injection" (password reset poisoning); RFC 9110 §7.2 (Host is chosen by the client).
/// </summary>
public sealed partial class PublicLinkTests(PublicAddressOnAnotherPortFactory app) : IClassFixture<PublicAddressOnAnotherPortFactory>
{
    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_is_refused_and_sends_nothing()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();

        var response = await AskForResetAsync(client, user.Email!, host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == user.Email)));
    }

    [Fact]
    public async Task The_reset_link_comes_from_the_public_address_whatever_host_port_or_forwarded_host_the_request_names()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var client = app.AnonymousPageClient();

        var response = await AskForResetAsync(client, user.Email!, host: "localhost:6666", forwardedHost: "evil.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == user.Email).Select(e => e.Body).SingleAsync());
        var link = new Uri(LinkIn().Match(body).Value);
        Assert.Equal($"{PublicAddressOnAnotherPortFactory.PublicBaseUrl}/Account/ResetPassword", link.GetLeftPart(UriPartial.Path));
        Assert.Contains($"userId={user.Id}", link.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_link_comes_from_the_public_address_whatever_host_port_the_request_names()
    {
        var keyWorker = await app.StaffAsync(Role.KeyWorker);
        var person = await app.PersonAsync(keyWorker: keyWorker);
        using var staff = await app.PageClientAsync(keyWorker.Email!);
        staff.DefaultRequestHeaders.Host = "localhost:6666";
        staff.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        var email = $"invited-{Guid.NewGuid():N}@example.com";

        var response = await staff.SubmitFormAsync($"/Participants/{person.Id}/Invite", new() { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == email).Select(e => e.Body).SingleAsync());
        Assert.StartsWith($"{PublicAddressOnAnotherPortFactory.PublicBaseUrl}/Me/Accept?token=", LinkIn().Match(body).Value, StringComparison.Ordinal);
    }

    /// <summary>The forgot-password form, sent with the given Host (and X-Forwarded-Host) instead of the client's own.</summary>
    private static async Task<HttpResponseMessage> AskForResetAsync(HttpClient client, string email, string host, string? forwardedHost = null)
    {
        var token = await client.AntiforgeryTokenAsync("/Account/ForgotPassword");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = host;
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();
}

/// <summary>Without a usable public address Nolb does not start outside Development, and says which setting to fix.</summary>
public sealed class PublicAddressStartTests : IAsyncLifetime
{
    private TestDatabase? database;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database!.DisposeAsync();

    private WebApplicationFactory<Program> Nolb(string environment, string? publicBaseUrl, string? urls = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Nolb:Database:Provider", database!.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Nolb", database.ConnectionString);
            builder.UseSetting("Nolb:Retention:ScheduleEnabled", "false");
            builder.UseSetting("Nolb:PublicBaseUrl", publicBaseUrl);
            builder.UseSetting("urls", urls);
        });

    [Theory]
    [InlineData(null, "Nolb:PublicBaseUrl must be set outside Development")]
    [InlineData("nolb.example.gov.scot", "Nolb:PublicBaseUrl must be set outside Development")]
    [InlineData("http://nolb.example.gov.scot", "Nolb:PublicBaseUrl must start with https://")]
    [InlineData("https://nolb.example.gov.scot/?next=/", "Nolb:PublicBaseUrl must be a plain address")]
    public async Task Production_refuses_to_start_without_a_usable_https_public_address(string? publicBaseUrl, string message)
    {
        await using var factory = Nolb("Production", publicBaseUrl);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_without_a_public_address_links_to_where_Kestrel_listens()
    {
        await using var factory = Nolb("Development", publicBaseUrl: null, urls: "http://+:5123");
        using var scope = factory.Services.CreateScope();

        var link = scope.ServiceProvider.GetRequiredService<Nolb.Web.Infrastructure.PublicLinks>().Page("/Account/ResetPassword", new { userId = "u", token = "t" });

        Assert.Equal("http://localhost:5123/Account/ResetPassword?userId=u&token=t", link.ToString());
    }
}
