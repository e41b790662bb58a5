using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Nolb.Tests.Infrastructure;

public sealed class HealthTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        // An SQLite file in a folder that is replaced by a plain file after start: nothing can open it.
        var folder = Path.Combine(Path.GetTempPath(), $"nolb-health-{Guid.NewGuid():N}");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Nolb:Database:Provider", "Sqlite");
            builder.UseSetting("Nolb:PublicBaseUrl", "https://localhost");
            builder.UseSetting("ConnectionStrings:Nolb", $"Data Source={folder}/nolb.db;Pooling=False");
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder");
        try
        {
            var response = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(folder);
        }
    }
}
