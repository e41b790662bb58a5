using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nolb.Web.Data;

// Used only by `dotnet ef migrations add`: each provider's migration set is generated from its own context.
// Example: dotnet ef migrations add Name --context SqliteNolbDbContext --output-dir Data/Migrations/Sqlite

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNolbDbContext>
{
    public SqliteNolbDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNolbDbContext>().UseSqlite(DatabaseSetup.DefaultSqliteConnection).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNolbDbContext>
{
    public PostgresNolbDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNolbDbContext>().UseNpgsql("Host=localhost;Database=nolb_design").Options);
}
