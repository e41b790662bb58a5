using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolb.Tests.Features.Participants;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Tests.Features.ServiceDirectory;

/// <summary>Test data for the directory and referrals, made straight in the database.</summary>
public static class DirectoryData
{
    public static async Task<Organisation> OrganisationAsync(this NolbAppFactory app, string? lepCode = NolbAppFactory.Glasgow, string? name = null) =>
        await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation
            {
                Name = name ?? CaseData.UniqueName("Org"),
                Kind = OrganisationKind.ThirdSector,
                CreatedAt = DateTime.UtcNow,
                LepId = lepCode is null ? null : await db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync(),
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    public static async Task<DirectoryService> ServiceAsync(
        this NolbAppFactory app, Organisation organisation, string? lepCode = NolbAppFactory.Glasgow, string? name = null, Action<DirectoryService>? with = null) =>
        await app.WithDbAsync(async db =>
        {
            var service = new DirectoryService
            {
                Name = name ?? CaseData.UniqueName("Service"),
                OrganisationId = organisation.Id,
                Kind = ServiceKind.Employability,
                CreatedAt = DateTime.UtcNow,
                LepId = lepCode is null ? null : await db.Leps.Where(l => l.Code == lepCode).Select(l => l.Id).SingleAsync(),
                Stages = [PipelineStage.VocationalActivity],
                TargetGroups = [TargetGroup.YoungPeople],
                InterventionTypes = ["work-experience"],
                PlacesPerQuarter = 20,
            };
            with?.Invoke(service);
            db.DirectoryServices.Add(service);
            await db.SaveChangesAsync();
            return service;
        });

    public static async Task<JsonElement> JsonOkAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
