using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

public sealed class FirstStartTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task An_empty_database_is_migrated_and_seeded_with_the_32_council_areas()
    {
        var leps = await app.WithDbAsync(db => db.Leps.OrderBy(l => l.Code).ToListAsync());

        var expected = ReferenceDataSeeder.CouncilAreas();
        Assert.Equal(32, expected.Count);
        Assert.Equal(expected.Select(a => (a.Code, a.Name)).Order(), leps.Select(l => (l.Code, l.Name)).Order());
        Assert.Contains(leps, l => l.Code == "S12000049" && l.Name == "Glasgow City");
        Assert.All(leps, l => Assert.True(CouncilAreaCodes.LooksValid(l.Code), l.Code));
    }

    [Fact]
    public async Task The_bootstrap_administrator_is_created_from_configuration_and_can_sign_in()
    {
        var admin = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == NolbAppFactory.AdminEmail));
        Assert.Equal(Role.Administrator, admin.Role);
        Assert.Null(admin.LepId);

        using var client = await app.AdminApiClientAsync();
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await app.WithDbAsync(async db =>
        {
            await ReferenceDataSeeder.SeedAsync(db);
            return 0;
        });

        Assert.Equal(32, await app.CountAsync<Lep>());
    }
}

/// <summary>Without bootstrap settings nobody is created: there is no default password to guess.</summary>
public sealed class FirstStartWithoutBootstrapSettingsTests : IAsyncLifetime
{
    private TestDatabase? database;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database!.DisposeAsync();

    [Fact]
    public async Task No_user_is_created_and_the_app_still_serves_the_sign_in_page()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Nolb:Database:Provider", database!.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Nolb", database.ConnectionString);
            builder.UseSetting("Nolb:PublicBaseUrl", "https://localhost");
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var signIn = await client.GetAsync("/Account/SignIn");

        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NolbUser>>().Users.Count();
        Assert.Equal(0, users);
    }

    [Fact]
    public async Task Demo_data_is_refused_in_production()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Nolb:Database:Provider", database!.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Nolb", database.ConnectionString);
            builder.UseSetting("Nolb:PublicBaseUrl", "https://localhost");
            builder.UseSetting("Nolb:Demo", "true");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Demo data is for development only", error.ToString(), StringComparison.Ordinal);
    }
}
