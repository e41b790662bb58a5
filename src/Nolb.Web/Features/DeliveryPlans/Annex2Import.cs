using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// Imports a filled-in Annex 2 workbook into a draft plan, replacing its rows. Every row is checked first; if any
/// row has a problem, nothing changes and every problem is reported by row and column.
/// </summary>
public sealed class Annex2Import(PlanCommands commands, NolbDbContext db, CurrentUser currentUser)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The most the workbook's zip may unpack to (a real Annex 2 is well under 1 MB unpacked).</summary>
    public const long MaxExpandedBytes = 50 * 1024 * 1024;

    public async Task<(PlanningResult<Domain.DeliveryPlans.DeliveryPlan> Result, IReadOnlyList<string> Problems)> ImportAsync(Guid planId, Stream file, CancellationToken ct)
    {
        var plan = await commands.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return (PlanningResult.NotFound<Domain.DeliveryPlans.DeliveryPlan>(), []);
        }

        // The declared length is not trusted: a chunked request has none.
        await using var buffer = await BoundedUpload.ReadAsync(file, MaxBytes, ct);
        if (buffer is null)
        {
            return Refused(BoundedUpload.TooLarge(MaxBytes));
        }

        if (BoundedUpload.ArchiveProblem(buffer, MaxExpandedBytes) is { } archiveProblem)
        {
            return Refused(archiveProblem);
        }

        var organisations = await db.Organisations.AsNoTracking().VisibleTo(currentUser).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var byName = organisations.GroupBy(o => o.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var read = Annex2Workbook.Read(buffer, byName, organisations.Select(o => o.Id).ToHashSet());
        if (read.Errors.Count > 0)
        {
            return (PlanningResult.Invalid<Domain.DeliveryPlans.DeliveryPlan>(read.Errors.Select(e => ("file", e)).ToList()), read.Errors);
        }

        return (await commands.ReplaceRequirementsAsync(planId, read.Rows.Select(r => r.Details).ToList(), ct), []);
    }

    private static (PlanningResult<Domain.DeliveryPlans.DeliveryPlan>, IReadOnlyList<string>) Refused(string message) =>
        (PlanningResult.Invalid<Domain.DeliveryPlans.DeliveryPlan>("file", message), [message]);
}
