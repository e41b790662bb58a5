using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Data;

namespace Nolb.Bench;

/// <summary>
/// The real Nolb app on a generated database: in-process (TestServer) for the benchmark, so that a request's time
/// is the server's time, or on Kestrel at 127.0.0.1 for the load test. Logging is turned down to warnings so that
/// the numbers are the app's work, not its console.
/// </summary>
public sealed partial class BenchApp : WebApplicationFactory<Program>
{
    /// <summary>A fixed key for the quarterly return's pseudonyms: the data is synthetic.</summary>
    public const string PseudonymisationKey = "bench-only-pseudonymisation-key-not-secret-0001";

    private readonly DatabaseProvider provider;
    private readonly string connection;
    private readonly bool kestrel;

    public BenchApp(DatabaseProvider provider, string connection, bool kestrel)
    {
        this.provider = provider;
        this.connection = connection;
        this.kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public Uri BaseAddress { get; private set; } = new("https://localhost");

    public void Start()
    {
        if (kestrel)
        {
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = Server;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development over Kestrel because its cookies work over plain http; "Testing" (production settings) in-process.
        builder.UseEnvironment(kestrel ? "Development" : "Testing");
        builder.UseContentRoot(WebContentRoot());
        builder.UseSetting("Nolb:Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Nolb", connection);
        builder.UseSetting("Nolb:Demo", "false");
        builder.UseSetting("Nolb:SignIn:AttemptsPerMinute", "1000000");
        builder.UseSetting("Nolb:Returns:PseudonymisationKey", PseudonymisationKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (Environment.GetEnvironmentVariable("NOLB_BENCH_LOG_SQL") == "1")
        {
            // Every SQL command with its time, to find where a figure's time goes.
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }
    }

    /// <summary>The app's folder (views, static files), found upwards from here or from the build output.</summary>
    private static string WebContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Nolb.Web");
                if (File.Exists(Path.Combine(candidate, "Nolb.Web.csproj")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Run Nolb.Bench from inside the repository: it hosts src/Nolb.Web.");
    }

    public HttpClient NewClient()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress, HandleCookies = true };
        if (!kestrel)
        {
            return CreateClient(options);
        }

        // A real socket client for the load test, with its own cookies.
        return new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = BaseAddress,
        };
    }

    /// <summary>A client with a bearer token from the API's login.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = NewClient();
        var twoFactorCode = await EnrolInTwoFactorIfRequiredAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Generate.BenchWorld.Password, twoFactorCode });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>
    /// Administrators and national analysts must sign in with a second factor: enrol such a generated account with the known
    /// key the first time, and give the current code as an authenticator app would.
    /// </summary>
    private async Task<string?> EnrolInTwoFactorIfRequiredAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Security.NolbUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in the generated data.");
        if (!Web.Security.RoleExtensions.RequiresTwoFactor(user.Role))
        {
            return null;
        }

        if (!user.TwoFactorEnabled)
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorCode.Key);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        else if (user.LastAuthenticatorStep is not null)
        {
            // A code works once; the bench signs the same account in several times a minute, as if the next code had come round.
            user.LastAuthenticatorStep = null;
            await users.UpdateAsync(user);
        }

        return AuthenticatorCode.Code();
    }

    /// <summary>A browser-like client signed in through the sign-in page (cookies and the anti-forgery token).</summary>
    public async Task<HttpClient> PageClientAsync(string email)
    {
        var client = NewClient();
        var token = await AntiforgeryTokenAsync(client, "/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Generate.BenchWorld.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["token"].Value) : throw new InvalidOperationException($"No anti-forgery token on {page}");
    }

    private sealed record Token(string AccessToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
