using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

public sealed class AuditTrailTests(NolbAppFactory app) : IClassFixture<NolbAppFactory>
{
    [Fact]
    public async Task Changing_a_record_writes_who_what_and_when_but_no_values()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleAsync());

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Secret Name Changed",
            ["Input.Role"] = "KeyWorker",
            ["Input.LepCode"] = NolbAppFactory.Glasgow,
            ["Input.Disabled"] = "false",
            ["Input.ConcurrencyStamp"] = stamp!,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Update && a.EntityId == user.Id.ToString() && a.Detail!.Contains("DisplayName"))
            .SingleAsync());
        Assert.Equal(NolbAppFactory.AdminEmail, entry.ActorEmail);
        Assert.Equal(nameof(NolbUser), entry.EntityType);
        Assert.True(entry.OccurredAt > DateTime.UtcNow.AddMinutes(-5));
        Assert.DoesNotContain("Secret Name Changed", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_refuses_to_change_or_delete_audit_entries()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries_even_with_raw_sql()
    {
        var before = await app.CountAsync<AuditEntry>();

        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorEmail\" = 'someone-else'")));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));

        Assert.Equal(before, await app.CountAsync<AuditEntry>());
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorEmail == "someone-else")));
    }

    [Fact]
    public async Task Administrators_search_the_trail_by_user_and_action()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker);
        using (await app.PageClientAsync(user.Email!))
        {
        }

        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var html = await admin.GetStringAsync($"/Admin/Audit?Actor={Uri.EscapeDataString(user.Email!)}&Action=SignIn");

        Assert.Contains(user.Email!, html, StringComparison.Ordinal);
        Assert.Contains("<td>SignIn</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>SignInFailed</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_to_date_before_the_from_date_is_explained()
    {
        using var admin = await app.PageClientAsync(NolbAppFactory.AdminEmail, NolbAppFactory.AdminPassword);

        var html = await admin.GetStringAsync("/Admin/Audit?From=2026-05-02&To=2026-05-01");

        Assert.Contains("The &#x27;to&#x27; date must be the same as or after the &#x27;from&#x27; date", html, StringComparison.Ordinal);
    }
}
