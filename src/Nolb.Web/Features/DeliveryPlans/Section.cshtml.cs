using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// Write one framework section with the framework's guidance beside it: the SWOT analysis in 3.1, the member
/// organisations in 1.2 and governance links in 1.3, the live evidence tables in 3.3, 4.1 and 6.2, and the review date in 6.5.
/// </summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class SectionModel(PlanCommands commands, PlanEvidence evidence, NolbDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed class SectionInput
    {
        public string? Text { get; set; }
        public string? Strengths { get; set; }
        public string? Weaknesses { get; set; }
        public string? Opportunities { get; set; }
        public string? Threats { get; set; }
        public DateOnly? ReviewDate { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class MemberInput
    {
        public Guid? OrganisationId { get; set; }
        public string? Role { get; set; }
        public string? Remit { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class LinkInput
    {
        public string? GroupName { get; set; }
        public GovernanceLinkKind? Kind { get; set; }
        public string? Relationship { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    [BindProperty]
    public LinkInput Link { get; set; } = new();

    public DeliveryPlan? Plan { get; private set; }
    public PlanFramework.Section? Framework { get; private set; }
    public IReadOnlyList<EvidenceTable> Evidence { get; private set; } = [];
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string key, CancellationToken ct)
    {
        var refused = await LoadAsync(id, key, ct);
        if (refused is not null)
        {
            return refused;
        }

        var section = Plan!.Sections.SingleOrDefault(s => s.Key == key);
        Input = new SectionInput
        {
            Text = section?.Text,
            Strengths = section?.Strengths,
            Weaknesses = section?.Weaknesses,
            Opportunities = section?.Opportunities,
            Threats = section?.Threats,
            ReviewDate = Plan.ReviewDate,
            Version = Plan.Version,
        };
        Member.Version = Plan.Version;
        Link.Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveSectionAsync(id, key,
            new SectionDetails(Input.Text, Input.Strengths, Input.Weaknesses, Input.Opportunities, Input.Threats, Input.ReviewDate), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"Section {key} is saved.";
            return Redirect(Url.Page("Plan", new { id }) + "#section-" + key.Replace('.', '-'));
        }

        return result.Handle(ModelState, Field) ?? await LoadAsync(id, key, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, string key, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddMemberAsync(id, Member.OrganisationId, Member.Role, Member.Remit, Member.Version, ct);
        return After(result, id, key, "The member is added.") ?? await ReloadAsync(id, key, ct);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid id, string key, Guid memberId, Guid? version, CancellationToken ct)
    {
        ModelState.Clear();
        return After(await commands.RemoveMemberAsync(id, memberId, version, ct), id, key, "The member is removed.") ?? await ReloadAsync(id, key, ct);
    }

    public async Task<IActionResult> OnPostAddLinkAsync(Guid id, string key, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddGovernanceLinkAsync(id, Link.GroupName, Link.Kind, Link.Relationship, Link.Version, ct);
        return After(result, id, key, "The governance link is added.") ?? await ReloadAsync(id, key, ct);
    }

    public async Task<IActionResult> OnPostRemoveLinkAsync(Guid id, string key, Guid linkId, Guid? version, CancellationToken ct)
    {
        ModelState.Clear();
        return After(await commands.RemoveGovernanceLinkAsync(id, linkId, version, ct), id, key, "The governance link is removed.") ?? await ReloadAsync(id, key, ct);
    }

    private IActionResult? After(PlanningResult<DeliveryPlan> result, Guid id, string key, string confirmation)
    {
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = confirmation;
            return RedirectToPage("Section", new { id, key });
        }

        return result.Handle(ModelState, Field);
    }

    private async Task<IActionResult> ReloadAsync(Guid id, string key, CancellationToken ct)
    {
        var refused = await LoadAsync(id, key, ct);
        if (refused is not null)
        {
            return refused;
        }

        Input.Text ??= Plan!.Sections.SingleOrDefault(s => s.Key == key)?.Text;
        Input.Version = Plan!.Version;
        Member.Version = Plan.Version;
        Link.Version = Plan.Version;
        return Page();
    }

    private static string Field(string field) => field switch
    {
        "organisationId" => "Member.OrganisationId",
        "role" => "Member.Role",
        "remit" => "Member.Remit",
        "groupName" => "Link.GroupName",
        "kind" => "Link.Kind",
        "relationship" => "Link.Relationship",
        "status" => "",
        _ => PlanningPageResults.InputField(field),
    };

    private async Task<IActionResult?> LoadAsync(Guid id, string key, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        Framework = PlanFramework.Current.Find(key);
        if (Plan is null || Framework is null)
        {
            return NotFound();
        }

        if (PlanFramework.EvidenceSections.Contains(key))
        {
            Evidence = (await evidence.ForLepAsync(Plan.LepId, ct)).Where(e => e.SectionKey == key).ToList();
        }

        if (key == "1.2")
        {
            Members = (await commands.SnapshotAsync(Plan, ct)).Members;

            Organisations = await db.Organisations.AsNoTracking().VisibleTo(currentUser).OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        }

        return null;
    }
}
