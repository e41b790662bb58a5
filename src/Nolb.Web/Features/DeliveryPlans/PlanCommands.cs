using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

public sealed record PlanDetails(string? Title, PlanKind? Kind, DateOnly? PeriodStart, DateOnly? PeriodEnd);

public sealed record SectionDetails(string? Text, string? Strengths = null, string? Weaknesses = null, string? Opportunities = null, string? Threats = null,
    DateOnly? ReviewDate = null);

public sealed record RequirementDetails(
    string? TargetGroup, string? Rationale, IReadOnlyList<Guid> DeliveryPartnerIds, decimal? Budget, IReadOnlyList<FundingStream> SourcesOfInvestment,
    int? Volumes, string? DeliveryMethod, string? OutcomeExpected, IReadOnlyList<PolicyDriver> PolicyDrivers);

/// <summary>
/// Everything that changes a delivery plan. A plan belongs to one LEP: another LEP's answers not found (404).
/// Only an LEP manager of that LEP (<see cref="Permissions.DeliveryPlans.Manage"/>) changes it, and only while it
/// is a draft. Approval needs <see cref="Permissions.DeliveryPlans.Approve"/> and a different person from the one who
/// submitted it. A change made against an older version answers a conflict (412 in the API).
/// </summary>
public sealed class PlanCommands(NolbDbContext db, CurrentUser currentUser, PlanEvidence evidence, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this plan while you were editing it. Reload to see their change, then make yours again";
    public const int MaxSectionLength = 20000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");
    private string UserName => currentUser.DisplayName ?? currentUser.Email ?? "Unknown";

    public IQueryable<DeliveryPlan> Plans => db.DeliveryPlans.Where(p => p.LepId == currentUser.LepId);

    public Task<DeliveryPlan?> FindAsync(Guid id, CancellationToken ct) =>
        Plans.Include(p => p.Sections).Include(p => p.Members).Include(p => p.GovernanceLinks).Include(p => p.Requirements)
            .Include(p => p.Alignments).Include(p => p.Comments).Include(p => p.Versions)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    public bool CanEdit(DeliveryPlan plan) => plan.IsDraft && currentUser.Has(Permissions.DeliveryPlans.Manage) && plan.LepId == currentUser.LepId;

    public bool CanApprove(DeliveryPlan plan) =>
        plan.Status == PlanStatus.Submitted && currentUser.Has(Permissions.DeliveryPlans.Approve) && plan.SubmittedByUserId != currentUser.Id;

    /// <summary>The plan as it reads now: a draft or submitted plan with live evidence; an approved one as its latest version.</summary>
    public async Task<PlanSnapshot> SnapshotAsync(DeliveryPlan plan, CancellationToken ct)
    {
        if (plan.Status == PlanStatus.Approved)
        {
            return PlanSnapshot.FromJson(plan.Versions.MaxBy(v => v.Number)!.Snapshot);
        }

        return await LiveSnapshotAsync(plan, ct);
    }

    private async Task<PlanSnapshot> LiveSnapshotAsync(DeliveryPlan plan, CancellationToken ct)
    {
        var organisationIds = plan.Members.Select(m => m.OrganisationId).Concat(plan.Requirements.SelectMany(r => r.DeliveryPartnerIds)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var sections = PlanFramework.Current.Sections.Select(f =>
        {
            var s = plan.Sections.SingleOrDefault(x => x.Key == f.Key);
            return new SectionText(f.Key, f.Title, s?.Text ?? "", s?.Strengths, s?.Weaknesses, s?.Opportunities, s?.Threats);
        }).ToList();
        return new PlanSnapshot(
            plan.Title, plan.Kind, plan.PeriodStart, plan.PeriodEnd, plan.ReviewDate, sections,
            plan.Members.OrderBy(m => names.GetValueOrDefault(m.OrganisationId), StringComparer.Ordinal)
                .Select(m => new MemberRow(m.Id, m.OrganisationId, names.GetValueOrDefault(m.OrganisationId) ?? "", m.Role, m.Remit)).ToList(),
            plan.GovernanceLinks.OrderBy(g => g.Kind).ThenBy(g => g.GroupName, StringComparer.Ordinal)
                .Select(g => new GovernanceRow(g.Id, g.GroupName, g.Kind, g.Relationship)).ToList(),
            plan.Requirements.OrderBy(r => r.Position).Select(r => new RequirementRow(
                r.Id, r.Position, r.TargetGroup, r.Rationale, r.DeliveryPartnerIds.Select(id => names.GetValueOrDefault(id) ?? "").OrderBy(n => n, StringComparer.Ordinal).ToList(),
                r.Budget, r.SourcesOfInvestment, r.Volumes, r.DeliveryMethod, r.OutcomeExpected, r.PolicyDrivers)).ToList(),
            Enum.GetValues<NationalOutcome>().Select(o => new AlignmentRow(o, plan.Alignments.SingleOrDefault(a => a.Outcome == o)?.Contribution ?? "")).ToList(),
            await evidence.ForLepAsync(plan.LepId, ct), Now);
    }

    public async Task<PlanningResult<DeliveryPlan>> CreateAsync(PlanDetails d, CancellationToken ct)
    {
        if (!currentUser.Has(Permissions.DeliveryPlans.Manage) || currentUser.LepId is null)
        {
            return PlanningResult.Forbidden<DeliveryPlan>();
        }

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Trim().Length > 200)
        {
            errors.Add(("title", "Enter a title for the plan, up to 200 characters, like \"Delivery plan 2024 to 2027\""));
        }

        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", "Choose whether this is a delivery plan or an annual operational update"));
        }

        if (d.PeriodStart is null)
        {
            errors.Add(("periodStart", "Enter the date the plan starts, like 2024-04-01"));
        }

        if (d.PeriodEnd is null)
        {
            errors.Add(("periodEnd", "Enter the date the plan ends, like 2027-03-31"));
        }
        else if (d.PeriodStart is { } start && (d.PeriodEnd <= start || d.PeriodEnd > start.AddYears(5)))
        {
            errors.Add(("periodEnd", "The plan must end after it starts and cover no more than 5 years"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryPlan>(errors);
        }

        var plan = new DeliveryPlan
        {
            LepId = currentUser.LepId.Value,
            Title = d.Title!.Trim(),
            Kind = d.Kind!.Value,
            PeriodStart = d.PeriodStart!.Value,
            PeriodEnd = d.PeriodEnd!.Value,
            CreatedByUserId = UserId,
            CreatedAt = Now,
        };
        foreach (var outcome in Enum.GetValues<NationalOutcome>())
        {
            plan.Alignments.Add(new NpfAlignment { PlanId = plan.Id, Outcome = outcome, Contribution = PlanFramework.Current.NationalText(outcome) });
        }

        db.DeliveryPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(plan);
    }

    public async Task<PlanningResult<DeliveryPlan>> SaveSectionAsync(Guid id, string key, SectionDetails d, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (PlanFramework.Current.Find(key) is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        var errors = new List<(string, string)>();
        if (d.Text?.Length > MaxSectionLength)
        {
            errors.Add(("text", $"Keep the section to {MaxSectionLength:N0} characters; put long tables in an annex"));
        }

        if (new[] { d.Strengths, d.Weaknesses, d.Opportunities, d.Threats }.Any(t => t?.Length > 4000))
        {
            errors.Add(("strengths", "Keep each part of the SWOT analysis to 4,000 characters"));
        }

        if (key == "6.5" && d.ReviewDate is { } review && (review < plan!.PeriodStart || review > plan.PeriodEnd.AddYears(1)))
        {
            errors.Add(("reviewDate", "Enter a review date within the plan's period, or up to a year after it ends"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryPlan>(errors);
        }

        if (version != plan!.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        var section = plan.Section(key);
        section.Text = d.Text?.Trim() ?? "";
        if (key == "3.1")
        {
            section.Strengths = Clean(d.Strengths);
            section.Weaknesses = Clean(d.Weaknesses);
            section.Opportunities = Clean(d.Opportunities);
            section.Threats = Clean(d.Threats);
        }

        if (key == "6.5")
        {
            plan.ReviewDate = d.ReviewDate;
        }

        return await SaveAsync(plan, ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> AddMemberAsync(Guid id, Guid? organisationId, string? role, string? remit, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new List<(string, string)>();
        if (organisationId is not { } orgId || !await db.Organisations.VisibleTo(currentUser).AnyAsync(o => o.Id == orgId, ct))
        {
            errors.Add(("organisationId", "Choose the member organisation from your partnership's list"));
        }
        else if (plan!.Members.Any(m => m.OrganisationId == orgId))
        {
            errors.Add(("organisationId", "That organisation is already a member; remove it first to change its role"));
        }

        if (string.IsNullOrWhiteSpace(role) || role.Trim().Length > 200)
        {
            errors.Add(("role", "Enter the member's role in the LEP, like \"Chair\" or \"Member\", up to 200 characters"));
        }

        if (remit?.Length > 1000)
        {
            errors.Add(("remit", "Keep the remit to 1,000 characters"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryPlan>(errors);
        }

        if (version != plan!.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        db.Add(new PlanMember { PlanId = plan.Id, OrganisationId = organisationId!.Value, Role = role!.Trim(), Remit = Clean(remit) });
        return await SaveAsync(plan, ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> RemoveMemberAsync(Guid id, Guid memberId, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var member = plan!.Members.SingleOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        if (version != plan.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        db.Remove(member);
        return await SaveAsync(plan, ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> AddGovernanceLinkAsync(
        Guid id, string? groupName, GovernanceLinkKind? kind, string? relationship, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(groupName) || groupName.Trim().Length > 200)
        {
            errors.Add(("groupName", "Enter the group's name, like \"Glasgow Community Planning Partnership\", up to 200 characters"));
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(("kind", "Choose how the LEP is linked to the group"));
        }

        if (relationship?.Length > 1000)
        {
            errors.Add(("relationship", "Keep the description of the link to 1,000 characters"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryPlan>(errors);
        }

        if (version != plan!.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        db.Add(new GovernanceLink { PlanId = plan.Id, GroupName = groupName!.Trim(), Kind = kind!.Value, Relationship = Clean(relationship) });
        return await SaveAsync(plan, ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> RemoveGovernanceLinkAsync(Guid id, Guid linkId, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var link = plan!.GovernanceLinks.SingleOrDefault(m => m.Id == linkId);
        if (link is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        if (version != plan.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        db.Remove(link);
        return await SaveAsync(plan, ct);
    }

    /// <summary>Checks one Annex 2 row; <paramref name="visiblePartners"/> are the organisation ids the user may choose.</summary>
    public static List<(string Field, string Message)> Check(RequirementDetails d, IReadOnlySet<Guid> visiblePartners)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(d.TargetGroup) || d.TargetGroup.Trim().Length > 200)
        {
            errors.Add(("targetGroup", "Enter the target group, like \"Parents in the child poverty priority groups\", up to 200 characters"));
        }

        if (string.IsNullOrWhiteSpace(d.Rationale) || d.Rationale.Length > ServiceDeliveryRequirement.MaxTextLength)
        {
            errors.Add(("rationale", "Enter the rationale for the intervention, up to 2,000 characters"));
        }

        if (d.DeliveryPartnerIds.Any(p => !visiblePartners.Contains(p)))
        {
            errors.Add(("deliveryPartnerIds", "Choose delivery partners from your partnership's organisations"));
        }

        if (d.Budget is not { } budget || budget < 0 || budget > 1_000_000_000m || decimal.Round(budget, 2) != budget)
        {
            errors.Add(("budget", "Enter the budget in pounds, like 125000 or 125000.50, 0 or more"));
        }

        if (d.SourcesOfInvestment.Count == 0 || d.SourcesOfInvestment.Any(s => !Enum.IsDefined(s)))
        {
            errors.Add(("sourcesOfInvestment", "Choose at least one source of investment"));
        }

        if (d.Volumes is not (>= 0 and <= 1_000_000))
        {
            errors.Add(("volumes", "Enter the number of people the provision is for, a whole number from 0 to 1,000,000"));
        }

        if (string.IsNullOrWhiteSpace(d.DeliveryMethod) || d.DeliveryMethod.Length > ServiceDeliveryRequirement.MaxTextLength)
        {
            errors.Add(("deliveryMethod", "Enter the delivery method, like \"Grant to a third sector partner\", up to 2,000 characters"));
        }

        if (string.IsNullOrWhiteSpace(d.OutcomeExpected) || d.OutcomeExpected.Length > ServiceDeliveryRequirement.MaxTextLength)
        {
            errors.Add(("outcomeExpected", "Enter the outcome expected, like \"60 people into fair work\", up to 2,000 characters"));
        }

        if (d.PolicyDrivers.Any(p => !Enum.IsDefined(p)))
        {
            errors.Add(("policyDrivers", "Choose policy drivers from the list"));
        }

        return errors;
    }

    public async Task<IReadOnlySet<Guid>> VisiblePartnersAsync(CancellationToken ct) =>
        (await db.Organisations.VisibleTo(currentUser).Select(o => o.Id).ToListAsync(ct)).ToHashSet();

    public async Task<PlanningResult<ServiceDeliveryRequirement>> SaveRequirementAsync(Guid id, Guid? rowId, RequirementDetails d, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return new(refused.Outcome, null, refused.Errors);
        }

        ServiceDeliveryRequirement? row = null;
        if (rowId is not null)
        {
            row = plan!.Requirements.SingleOrDefault(r => r.Id == rowId);
            if (row is null)
            {
                return PlanningResult.NotFound<ServiceDeliveryRequirement>();
            }
        }

        var errors = Check(d, await VisiblePartnersAsync(ct));
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<ServiceDeliveryRequirement>(errors);
        }

        if (row is null)
        {
            row = new ServiceDeliveryRequirement
            {
                PlanId = plan!.Id,
                TargetGroup = "",
                Position = plan.Requirements.Count == 0 ? 1 : plan.Requirements.Max(r => r.Position) + 1,
            };
            db.Add(row);
        }
        else if (version != row.Version)
        {
            return PlanningResult.Conflict<ServiceDeliveryRequirement>(ConflictMessage);
        }

        Apply(row, d);
        row.Version = Guid.NewGuid();
        plan!.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<ServiceDeliveryRequirement>(ConflictMessage);
        }

        return PlanningResult.Done(row);
    }

    private static void Apply(ServiceDeliveryRequirement row, RequirementDetails d)
    {
        row.TargetGroup = d.TargetGroup!.Trim();
        row.Rationale = d.Rationale!.Trim();
        row.DeliveryPartnerIds = d.DeliveryPartnerIds.Distinct().ToList();
        row.Budget = d.Budget!.Value;
        row.SourcesOfInvestment = d.SourcesOfInvestment.Distinct().ToList();
        row.Volumes = d.Volumes!.Value;
        row.DeliveryMethod = d.DeliveryMethod!.Trim();
        row.OutcomeExpected = d.OutcomeExpected!.Trim();
        row.PolicyDrivers = d.PolicyDrivers.Distinct().ToList();
    }

    public async Task<PlanningResult<DeliveryPlan>> DeleteRequirementAsync(Guid id, Guid rowId, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var row = plan!.Requirements.SingleOrDefault(r => r.Id == rowId);
        if (row is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        if (await DeliveredAsync([row.Id], ct) is { } refusal)
        {
            return refusal;
        }

        db.Remove(row);
        return await SaveAsync(plan, ct);
    }

    /// <summary>Replaces every Annex 2 row with <paramref name="rows"/> (already checked): the import of a filled-in workbook.</summary>
    public async Task<PlanningResult<DeliveryPlan>> ReplaceRequirementsAsync(Guid id, IReadOnlyList<RequirementDetails> rows, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (await DeliveredAsync(plan!.Requirements.Select(r => r.Id).ToList(), ct) is { } refusal)
        {
            return refusal;
        }

        db.RemoveRange(plan.Requirements);
        var position = 1;
        foreach (var d in rows)
        {
            var row = new ServiceDeliveryRequirement { PlanId = plan.Id, TargetGroup = "", Position = position++ };
            Apply(row, d);
            db.Add(row);
        }

        return await SaveAsync(plan, ct);
    }

    /// <summary>
    /// A row a contract delivers is kept (the contract's link is the plan's commissioning trail): removing it, or importing a
    /// workbook over it, is refused with the contracts named, until each contract is linked to another row or to none.
    /// </summary>
    private async Task<PlanningResult<DeliveryPlan>?> DeliveredAsync(List<Guid> rowIds, CancellationToken ct)
    {
        var contracts = await db.DeliveryContracts.AsNoTracking()
            .Where(c => c.ServiceDeliveryRequirementId != null && rowIds.Contains(c.ServiceDeliveryRequirementId.Value)).Select(c => c.Title).ToListAsync(ct);
        return contracts.Count == 0
            ? null
            : PlanningResult.Invalid<DeliveryPlan>("rowId",
                $"{string.Join(", ", contracts.Order(StringComparer.Ordinal))} {(contracts.Count == 1 ? "delivers" : "deliver")} {(rowIds.Count == 1 ? "this row" : "rows of this Annex 2")}. " +
                "Link each contract to another row, or to none, on its page in Commissioning first; then the row can be removed");
    }

    public async Task<PlanningResult<DeliveryPlan>> SaveAlignmentsAsync(Guid id, IReadOnlyDictionary<NationalOutcome, string?> contributions, Guid? version, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }

        var errors = contributions.Where(c => c.Value?.Length > 4000)
            .Select(c => (c.Key.ToString(), $"Keep the contribution to {c.Key.Label()} to 4,000 characters")).ToList();
        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<DeliveryPlan>(errors);
        }

        if (version != plan!.Version)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        foreach (var (outcome, text) in contributions)
        {
            var alignment = plan.Alignments.SingleOrDefault(a => a.Outcome == outcome);
            if (alignment is null)
            {
                db.Add(new NpfAlignment { PlanId = plan.Id, Outcome = outcome, Contribution = text?.Trim() ?? "" });
            }
            else
            {
                alignment.Contribution = text?.Trim() ?? "";
            }
        }

        return await SaveAsync(plan, ct);
    }

    /// <summary>A comment on a section, from the writer or a reviewer, in any state of the plan.</summary>
    public async Task<PlanningResult<PlanComment>> AddCommentAsync(Guid id, string? sectionKey, string? text, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return PlanningResult.NotFound<PlanComment>();
        }

        if (!currentUser.Has(Permissions.DeliveryPlans.Manage) && !currentUser.Has(Permissions.DeliveryPlans.Approve))
        {
            return PlanningResult.Forbidden<PlanComment>();
        }

        var errors = new List<(string, string)>();
        if (!IsCommentable(sectionKey))
        {
            errors.Add(("sectionKey", "Choose the section the comment is about, like 3.1, annex2 or annex3"));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            errors.Add(("comment", "Enter your comment, up to 2,000 characters"));
        }

        if (errors.Count > 0)
        {
            return PlanningResult.Invalid<PlanComment>(errors);
        }

        var comment = new PlanComment { PlanId = plan.Id, SectionKey = sectionKey!, AuthorUserId = UserId, AuthorName = UserName, Text = text!.Trim(), At = Now };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return PlanningResult.Done(comment);
    }

    public static bool IsCommentable(string? key) => key is "annex2" or "annex3" || PlanFramework.Current.Find(key) is not null;

    public async Task<PlanningResult<DeliveryPlan>> SubmitAsync(Guid id, CancellationToken ct)
    {
        var (plan, refused) = await EditableAsync(id, ct);
        return refused ?? await ApplyAsync(plan!, plan!.Submit(UserId, UserName, Now), ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> ReviseAsync(Guid id, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        return !currentUser.Has(Permissions.DeliveryPlans.Manage) ? PlanningResult.Forbidden<DeliveryPlan>() : await ApplyAsync(plan, plan.Revise(), ct);
    }

    public async Task<PlanningResult<DeliveryPlan>> ReturnAsync(Guid id, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return PlanningResult.NotFound<DeliveryPlan>();
        }

        return !currentUser.Has(Permissions.DeliveryPlans.Approve) ? PlanningResult.Forbidden<DeliveryPlan>() : await ApplyAsync(plan, plan.Return(), ct);
    }

    /// <summary>Approves the submitted plan, freezing it (with its evidence as it stands now) into a new version.</summary>
    public async Task<PlanningResult<PlanVersion>> ApproveAsync(Guid id, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return PlanningResult.NotFound<PlanVersion>();
        }

        if (!currentUser.Has(Permissions.DeliveryPlans.Approve))
        {
            return PlanningResult.Forbidden<PlanVersion>();
        }

        var snapshot = plan.Status == PlanStatus.Submitted ? (await LiveSnapshotAsync(plan, ct)).ToJson() : "";
        var result = plan.Approve(UserId, UserName, Now, snapshot);
        if (!result.Succeeded)
        {
            return PlanningResult.Invalid<PlanVersion>(result.Field!, result.Error!);
        }

        db.Add(result.Value!);
        var saved = await SaveAsync(plan, ct);
        return saved.Outcome == PlanningOutcome.Done ? PlanningResult.Done(result.Value!) : new(saved.Outcome, null, saved.Errors);
    }

    private async Task<PlanningResult<DeliveryPlan>> ApplyAsync(DeliveryPlan plan, DomainResult<DeliveryPlan> result, CancellationToken ct) =>
        result.Succeeded ? await SaveAsync(plan, ct) : PlanningResult.Invalid<DeliveryPlan>(result.Field!, result.Error!);

    private async Task<(DeliveryPlan? Plan, PlanningResult<DeliveryPlan>? Refused)> EditableAsync(Guid id, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return (null, PlanningResult.NotFound<DeliveryPlan>());
        }

        if (!currentUser.Has(Permissions.DeliveryPlans.Manage))
        {
            return (plan, PlanningResult.Forbidden<DeliveryPlan>());
        }

        return plan.WhyNotEditable is { } why ? (plan, PlanningResult.Invalid<DeliveryPlan>("status", why)) : (plan, null);
    }

    private async Task<PlanningResult<DeliveryPlan>> SaveAsync(DeliveryPlan plan, CancellationToken ct)
    {
        plan.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanningResult.Conflict<DeliveryPlan>(ConflictMessage);
        }

        return PlanningResult.Done(plan);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
