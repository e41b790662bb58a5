using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Tests;

/// <summary>
/// Nolb through its real HTTP pipeline on a real, fresh database, configured as in production
/// (environment "Testing": secure cookies, HSTS). One per test class; tests create their own data.
/// </summary>
public class NolbAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@nolb.test";
    public const string AdminPassword = "bootstrap-admin-password";
    public const string Glasgow = "S12000049";
    public const string Fife = "S12000047";

    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The factory is not initialised.");

    /// <summary>The app's <see cref="TimeProvider"/>: real time, moved by <see cref="TestClock.Offset"/> when a test needs a later now.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Settings a test class may change before the app starts (e.g. a lower sign-in limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Nolb:Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:Nolb"] = Database.ConnectionString,
            ["Nolb:Bootstrap:AdminEmail"] = AdminEmail,
            ["Nolb:Bootstrap:AdminPassword"] = AdminPassword,
            ["Nolb:SignIn:AttemptsPerMinute"] = "10000",

            // The address the test clients use; every link in an email is built from it (and only this host is allowed).
            ["Nolb:PublicBaseUrl"] = "https://localhost",

            // The nightly retention job must not anonymise a test's data at 02:30; tests run it themselves.
            ["Nolb:Retention:ScheduleEnabled"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Accounts made at start-up (the bootstrap administrator, demo users) whose role needs two-factor sign-in are enrolled
    /// with <see cref="TestTotp.Key"/>, so the sign-in helpers can give the current code as an authenticator app would.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        var roles = Enum.GetValues<Role>().Where(r => r.RequiresTwoFactor()).ToList();
        foreach (var user in userManager.Users.Where(u => roles.Contains(u.Role) && !u.TwoFactorEnabled).ToList())
        {
            EnrolTwoFactorAsync(userManager, user).GetAwaiter().GetResult();
        }

        return host;
    }

    /// <summary>Two-factor sign-in on, with the known test key, as if the person had set up their app.</summary>
    public static async Task EnrolTwoFactorAsync(UserManager<NolbUser> userManager, NolbUser user)
    {
        Assert.True((await userManager.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", TestTotp.Key)).Succeeded);
        Assert.True((await userManager.SetTwoFactorEnabledAsync(user, true)).Succeeded);
    }

    public async Task<T> WithDbAsync<T>(Func<NolbDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NolbDbContext>());
    }

    public Task<int> CountAsync<TEntity>() where TEntity : class =>
        WithDbAsync(db => db.Set<TEntity>().CountAsync());

    /// <summary>
    /// Creates an account directly (test data); the password is <see cref="TestUsers.Password"/>. A role that needs
    /// two-factor sign-in is enrolled with <see cref="TestTotp.Key"/> unless <paramref name="twoFactor"/> says otherwise.
    /// </summary>
    public async Task<NolbUser> CreateUserAsync(Role role, string? lepCode = null, Guid? organisationId = null, string? email = null, bool? twoFactor = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolbDbContext>();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>();
        lepCode ??= role.RequiresLep() ? Glasgow : null;
        var lepId = lepCode is null ? (Guid?)null : await db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync();
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@nolb.test";
        var user = new NolbUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Test {role.DisplayName()}",
            Role = role,
            LepId = lepId,
            OrganisationId = organisationId,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await userManager.CreateAsync(user, TestUsers.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (twoFactor ?? role.RequiresTwoFactor())
        {
            await EnrolTwoFactorAsync(userManager, user);
        }

        return user;
    }

    /// <summary>An API client signed in with a bearer token (with the current code, which accounts without two-factor sign-in ignore).</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = TestUsers.Password)
    {
        await ForgetLastAuthenticatorCodeAsync(email);
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode = TestTotp.Code() });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminApiClientAsync() => ApiClientAsync(AdminEmail, AdminPassword);

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the sign-in page.</summary>
    public async Task<HttpClient> PageClientAsync(string email, string password = TestUsers.Password)
    {
        await ForgetLastAuthenticatorCodeAsync(email);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await client.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/Account/SignInCode", StringComparison.Ordinal) == true)
        {
            response = await client.SubmitFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = TestTotp.Code() });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    /// <summary>
    /// An authenticator code works once (and so once per 30 seconds), but tests sign the same account in many times a
    /// minute: the sign-in helpers clear the account's last used code first, as if the next one had come round. Tests of
    /// the once-only rule itself sign in without these helpers.
    /// </summary>
    public Task<int> ForgetLastAuthenticatorCodeAsync(string email)
    {
        var normalised = email.ToUpperInvariant();
        return WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalised)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, (long?)null)));
    }

    public HttpClient AnonymousPageClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public sealed record TokenResponse(string AccessToken, long ExpiresIn);
}

/// <summary>
/// The real clock plus an offset. Move it only in a test class of its own, and sign in again after moving
/// it (tokens and cookies are dated by the same clock).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

public static class TestUsers
{
    public const string Password = "a-long-test-password";
}
