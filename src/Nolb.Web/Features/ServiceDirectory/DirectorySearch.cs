using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>The directory search, shared by the page and the API: keyword, stage, target group, intervention type and area.</summary>
public sealed record DirectoryFilter(string? Keyword, int? Stage, TargetGroup? TargetGroup, string? Intervention, string? Area, ServiceKind? Kind);

public sealed record ServiceSummary(
    Guid Id, string Name, string OrganisationName, Guid OrganisationId, ServiceKind Kind, string? LepCode, string? LepName,
    IReadOnlyList<PipelineStage> Stages, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<string> InterventionTypes,
    int? MinimumAge, int? MaximumAge, int? PlacesPerQuarter, string? Cost, bool Active, IReadOnlyList<string> Towns);

public static class DirectorySearch
{
    public static async Task<List<ServiceSummary>> SearchAsync(NolbDbContext db, CurrentUser user, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.DirectoryServices.AsNoTracking().VisibleTo(user);
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL LOWER(); .NET culture rules do not apply.
        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            var word = $"%{filter.Keyword.Trim().ToLowerInvariant()}%";
            query = query.Where(s => EF.Functions.Like(s.Name.ToLower(), word)
                || (s.Description != null && EF.Functions.Like(s.Description.ToLower(), word))
                || EF.Functions.Like(s.Organisation!.Name.ToLower(), word));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = $"%{filter.Area.Trim().ToLowerInvariant()}%";
            query = query.Where(s => (s.Lep != null && (EF.Functions.Like(s.Lep.Name.ToLower(), area) || s.Lep.Code == filter.Area.Trim()))
                || s.Locations.Any(l => (l.Town != null && EF.Functions.Like(l.Town.ToLower(), area)) || (l.Postcode != null && EF.Functions.Like(l.Postcode.ToLower(), area))));
        }

#pragma warning restore CA1304, CA1311, CA1862

        // Stage, group and intervention live in list columns; filter those in memory over the visible directory (hundreds of rows per LEP).
        var rows = await query.OrderBy(s => s.Name)
            .Select(s => new ServiceSummary(
                s.Id, s.Name, s.Organisation!.Name, s.OrganisationId, s.Kind, s.Lep!.Code, s.Lep!.Name, s.Stages, s.TargetGroups, s.InterventionTypes,
                s.MinimumAge, s.MaximumAge, s.PlacesPerQuarter, s.Cost, s.Active, s.Locations.Where(l => l.Town != null).Select(l => l.Town!).ToList()))
            .ToListAsync(ct);
        return rows
            .Where(r => filter.Stage is not { } stage || r.Stages.Contains((PipelineStage)stage))
            .Where(r => filter.TargetGroup is not { } group || r.TargetGroups.Contains(group))
            .Where(r => string.IsNullOrWhiteSpace(filter.Intervention) || r.InterventionTypes.Contains(filter.Intervention))
            .ToList();
    }
}
