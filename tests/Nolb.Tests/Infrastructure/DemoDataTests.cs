using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

public sealed class DemoAppFactory : NolbAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:Demo"] = "true" };
}

public sealed class DemoDataTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Demo_data_has_every_role_in_two_leps_and_their_partners()
    {
        var users = await app.WithDbAsync(db => db.Users.Include(u => u.Lep).ToListAsync());

        foreach (var role in Enum.GetValues<Role>().Where(r => r.RequiresLep()))
        {
            Assert.Contains(users, u => u.Role == role && u.Lep?.Code == NolbAppFactory.Glasgow);
            Assert.Contains(users, u => u.Role == role && u.Lep?.Code == NolbAppFactory.Fife);
        }

        Assert.Contains(users, u => u.Role == Role.NationalAnalyst);
        Assert.All(users.Where(u => u.Role == Role.PartnerWorker), u => Assert.NotNull(u.OrganisationId));
        Assert.True(await app.CountAsync<Organisation>() >= 9);
    }

    [Fact]
    public async Task A_demo_key_worker_signs_in_with_the_documented_password()
    {
        using var client = await app.ApiClientAsync($"keyworker@glasgow.{DemoData.EmailDomain}", DemoData.Password);

        var me = await client.GetStringAsync("/api/v1/me");

        Assert.Contains("\"lepCode\":\"S12000049\"", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_cases_have_interventions_notes_and_upcoming_appointments_in_each_lep()
    {
        foreach (var lepCode in new[] { NolbAppFactory.Glasgow, NolbAppFactory.Fife })
        {
            var lepId = await app.WithDbAsync(db => db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync());
            var now = DateTime.UtcNow;

            Assert.True(await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.LepId == lepId)) >= 10);
            Assert.True(await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.LepId == lepId && n.Sensitivity != null)) >= 2);
            Assert.True(await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.LepId == lepId && a.Attendance == null && a.StartsAt > now)) >= 5);
        }
    }
}
