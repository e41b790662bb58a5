using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Web.Features.Commissioning;

/// <summary>The contract form shared by the create and edit pages (<c>_ContractFields.cshtml</c>).</summary>
public sealed class ContractForm
{
    public string? Title { get; set; }
    public ContractKind? Kind { get; set; }
    public Guid? PartnerOrganisationId { get; set; }
    public FundingStream? FundingStream { get; set; }
    public TargetGroup? TargetGroup { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Description { get; set; }
    public decimal? Budget { get; set; }
    public int? ExpectedStarts { get; set; }
    public int? ExpectedJobOutcomes { get; set; }
    public List<Guid> ServiceIds { get; set; } = [];
    public Guid? ServiceDeliveryRequirementId { get; set; }
    public Guid? Version { get; set; }

    public ContractTerms ToTerms() => new(Title, Kind, PartnerOrganisationId, FundingStream, TargetGroup, StartDate, EndDate, Description, Budget,
        ExpectedStarts, ExpectedJobOutcomes, ServiceIds, ServiceDeliveryRequirementId);

    public static ContractForm From(DeliveryContract c) => new()
    {
        Title = c.Title,
        Kind = c.Kind,
        PartnerOrganisationId = c.PartnerOrganisationId,
        FundingStream = c.FundingStream,
        TargetGroup = c.TargetGroup,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        Description = c.Description,
        Budget = c.Budget,
        ExpectedStarts = c.ExpectedStarts,
        ExpectedJobOutcomes = c.ExpectedJobOutcomes,
        ServiceIds = c.ServiceIds,
        ServiceDeliveryRequirementId = c.ServiceDeliveryRequirementId,
        Version = c.Version,
    };

    /// <summary>The choices of partner, service and Annex 2 row (grouped by delivery plan) the form's lists need.</summary>
    public sealed record Choices(IReadOnlyList<SelectListItem> Partners, IReadOnlyList<SelectListItem> Services, IReadOnlyList<SelectListItem> Requirements);

    public static async Task<Choices> ChoicesAsync(CommissioningCommands commands, CancellationToken ct)
    {
        var partners = await commands.PartnersAsync(ct);
        var names = partners.ToDictionary(p => p.Id, p => p.Name);
        var services = (await commands.ServicesAsync(ct)).Where(s => names.ContainsKey(s.OrganisationId)).ToList();
        var requirements = await commands.RequirementsAsync(ct);
        var plans = requirements.Select(r => r.PlanId).Distinct().ToDictionary(id => id, id => new SelectListGroup { Name = requirements.First(r => r.PlanId == id).PlanTitle });
        return new(
            partners.Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToList(),
            services.Select(s => new SelectListItem($"{s.Name} ({names[s.OrganisationId]})", s.Id.ToString())).ToList(),
            requirements.Select(r => new SelectListItem(r.Label, r.Id.ToString()) { Group = plans[r.PlanId] }).ToList());
    }
}
