using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Data;
using Nolb.Web.Domain;

namespace Nolb.Tests.Data;

public sealed class ReportingDbContextFactoryTests
{
    private static ReportingDbContextFactory FactoryFor(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddNolbDatabase(configuration).BuildServiceProvider();
        return services.GetRequiredService<ReportingDbContextFactory>();
    }

    [Fact]
    public async Task Reporting_reads_the_read_only_connection_when_one_is_set()
    {
        var folder = Directory.CreateTempSubdirectory("nolb-replica-");
        try
        {
            var main = Path.Combine(folder.FullName, "main.db");
            var replica = Path.Combine(folder.FullName, "replica.db");
            foreach (var (file, lepName) in new[] { (main, "Main"), (replica, "Replica") })
            {
                await using var db = new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>().UseSqlite($"Data Source={file}").Options);
                await db.Database.MigrateAsync();
                db.Leps.Add(new Lep { Code = "S12000049", Name = lepName });
                await db.SaveChangesAsync();
            }

            var factory = FactoryFor(new()
            {
                ["ConnectionStrings:Nolb"] = $"Data Source={main};Pooling=False",
                ["ConnectionStrings:NolbReadOnly"] = $"Data Source={replica};Pooling=False",
            });
            await using var reporting = factory.Create();

            Assert.Equal("Replica", await reporting.Leps.Select(l => l.Name).SingleAsync());
            reporting.Leps.Add(new Lep { Code = "S12000047", Name = "Fife" });
            await Assert.ThrowsAnyAsync<Exception>(() => reporting.SaveChangesAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_a_read_only_connection_reporting_reads_the_main_database_read_only()
    {
        var factory = FactoryFor(new() { ["ConnectionStrings:Nolb"] = "Data Source=data/main.db" });

        var builder = new SqliteConnectionStringBuilder(factory.ConnectionString);

        Assert.Equal("data/main.db", builder.DataSource);
        Assert.Equal(SqliteOpenMode.ReadOnly, builder.Mode);
    }
}
