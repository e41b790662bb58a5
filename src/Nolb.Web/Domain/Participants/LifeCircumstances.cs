namespace Nolb.Web.Domain.Participants;

/// <summary>
/// Circumstances that shape support and that the partnership reports on: the child poverty priority
/// family types (Tackling Child Poverty Delivery Plan) and the groups seed 000 names.
/// </summary>
public sealed class LifeCircumstances
{
    public bool CareExperienced { get; set; }
    public bool Parent { get; set; }
    public bool LoneParent { get; set; }
    public bool DisabledParentOrChild { get; set; }
    public bool ThreeOrMoreChildren { get; set; }
    public bool MinorityEthnicFamily { get; set; }
    public bool YoungestChildUnderOne { get; set; }
    public bool MotherUnder25 { get; set; }
    public bool Carer { get; set; }
    public bool JusticeExperience { get; set; }
    public bool HomelessOrAtRisk { get; set; }
    public bool RefugeeOrAsylumSeeker { get; set; }
    public bool Veteran { get; set; }
    public bool SubstanceUseRecovery { get; set; }

    /// <summary>A parent in any of the six priority family types.</summary>
    public bool InPriorityFamily =>
        Parent && (LoneParent || DisabledParentOrChild || ThreeOrMoreChildren || MinorityEthnicFamily || YoungestChildUnderOne || MotherUnder25);
}
