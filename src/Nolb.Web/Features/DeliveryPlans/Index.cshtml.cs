using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>The LEP's delivery plans with their state, and reminders of reviews (Section 6.5) that are due within 60 days or past.</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class IndexModel(PlanCommands commands, TimeProvider clock) : PageModel
{
    public const int ReminderDays = 60;

    public sealed record Row(Guid Id, string Title, PlanKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status, int Versions, DateOnly? ReviewDate);

    public IReadOnlyList<Row> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public IEnumerable<Row> ReviewsDue => Plans.Where(p => p.ReviewDate is { } review && review <= Today.AddDays(ReminderDays));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Plans = await ListAsync(commands.Plans, ct);
    }

    public static async Task<IReadOnlyList<Row>> ListAsync(IQueryable<DeliveryPlan> plans, CancellationToken ct) =>
        await plans.AsNoTracking().OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title)
            .Select(p => new Row(p.Id, p.Title, p.Kind, p.PeriodStart, p.PeriodEnd, p.Status, p.Versions.Count, p.ReviewDate))
            .ToListAsync(ct);
}
