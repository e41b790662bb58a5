namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>One step of the Universal Credit working (an element, the work allowance, the taper, the cap, the award).</summary>
public sealed record UcPart(string Key, string Label, decimal Amount, string Explanation);

/// <summary>
/// The monthly Universal Credit award for one assessment period: the maximum amount (elements), less 55% of net
/// earnings above any work allowance, less any benefit cap reduction (Universal Credit Regulations 2013,
/// regs 22, 36, 80A-83). Never negative.
/// </summary>
public sealed record UniversalCredit(
    decimal Award, IReadOnlyList<UcPart> Parts, string? Note, decimal Housing, decimal CapReduction, decimal Childcare, decimal RentShortfall)
{
    public static UniversalCredit For(
        Household household, RateTable rates, decimal netEarnings, IReadOnlyList<decimal> grossEarnings, decimal childcareCosts, decimal childBenefit)
    {
        var parts = new List<UcPart>();
        var adults = household.Adults;
        var children = household.Children;
        var couple = adults.Count == 2;

        // Standard allowance: the couple rate if either is 25 or over.
        var anyOver25 = adults.Any(a => a.Age >= 25);
        var (standardKey, standardWords) = (couple, anyOver25) switch
        {
            (false, false) => ("uc.standardAllowance.singleUnder25", "single, under 25"),
            (false, true) => ("uc.standardAllowance.single25OrOver", "single, 25 or over"),
            (true, false) => ("uc.standardAllowance.coupleBothUnder25", "couple, both under 25"),
            (true, true) => ("uc.standardAllowance.couple25OrOver", "couple, one or both 25 or over"),
        };
        var standard = rates.Value(standardKey);
        parts.Add(new("uc.standard", "Universal Credit: standard allowance", standard, $"Standard allowance, {standardWords}: {Money.Format(standard)} a month."));

        var childElement = ChildElements(children, rates, out var childWords);
        if (children.Count > 0)
        {
            parts.Add(new("uc.child", "Universal Credit: child element", childElement, childWords));
        }

        var lower = rates.Value("uc.disabledChild.lower");
        var higher = rates.Value("uc.disabledChild.higher");
        var lowerCount = children.Count(c => c.Disability == ChildDisability.Lower);
        var higherCount = children.Count(c => c.Disability == ChildDisability.Higher);
        var disabledChild = lowerCount * lower + higherCount * higher;
        if (lowerCount + higherCount > 0)
        {
            parts.Add(new("uc.disabledChild", "Universal Credit: disabled child addition", disabledChild,
                $"{lowerCount} at the lower rate × {Money.Format(lower)} + {higherCount} at the higher rate × {Money.Format(higher)}. " +
                "Paid for every disabled child, even where the two-child limit stops the child element."));
        }

        var lcwraAdults = adults.Where(a => a.LimitedCapabilityForWorkAndWorkRelatedActivity).ToList();
        decimal lcwra = 0;
        if (lcwraAdults.Count > 0)
        {
            var protectedRate = lcwraAdults.Any(a => a.LcwraProtectedRate);
            lcwra = rates.Value(protectedRate ? "uc.lcwra.protected" : "uc.lcwra.newClaim");
            parts.Add(new("uc.lcwra", "Universal Credit: LCWRA element", lcwra,
                $"Limited capability for work and work-related activity: {Money.Format(lcwra)} a month ({rates[protectedRate ? "uc.lcwra.protected" : "uc.lcwra.newClaim"].Description}). " +
                "A household gets one LCWRA element, even if both adults have it. It is not affected by starting work."));
        }

        var carers = adults.Count(a => a.Carer && !a.LimitedCapabilityForWorkAndWorkRelatedActivity);
        var carerRate = rates.Value("uc.carer");
        var carer = carers * carerRate;
        if (adults.Any(a => a.Carer))
        {
            parts.Add(new("uc.carer", "Universal Credit: carer element", carer,
                $"{carers} carer(s) × {Money.Format(carerRate)} a month (caring for a disabled person at least 35 hours a week). " +
                "Someone with the LCWRA element does not also get the carer element."));
        }

        var (housing, shortfall, housingWords) = BetterOffInWork.Housing.Element(household, rates);
        parts.Add(new("uc.housing", "Universal Credit: housing element", housing, housingWords));

        var childcare = ChildcareElement(household, rates, grossEarnings, childcareCosts, out var childcareWords);
        parts.Add(new("uc.childcare", "Universal Credit: childcare element", childcare, childcareWords));

        // Universal Credit (Transitional Provisions) Regulations 2014 regs 55-56: the transitional element is added to the
        // maximum amount, like an element, and earnings do not reduce it directly.
        var transitional = household.TransitionalElement;
        if (transitional > 0)
        {
            parts.Add(new("uc.transitional", "Universal Credit: transitional element", transitional,
                $"Transitional protection from moving from older benefits, {Money.Format(transitional)} a month as entered (Universal Credit (Transitional Provisions) Regulations 2014 reg 55). " +
                "It shrinks when other elements go up, which is not modelled here."));
        }

        var maximum = standard + childElement + disabledChild + lcwra + carer + housing + childcare + transitional;
        parts.Add(new("uc.maximum", "Universal Credit before earnings (maximum amount)", maximum, "The standard allowance plus every element above."));

        // Work allowance: only for someone responsible for a child or with limited capability for work.
        var allowanceDue = children.Count > 0 || adults.Any(a => a.LimitedCapabilityForWork || a.LimitedCapabilityForWorkAndWorkRelatedActivity);
        var withHousing = housing > 0;
        var workAllowance = allowanceDue ? rates.Value(withHousing ? "uc.workAllowance.withHousing" : "uc.workAllowance.withoutHousing") : 0;
        parts.Add(new("uc.workAllowance", "Work allowance (earnings ignored)", workAllowance, allowanceDue
            ? $"The household is responsible for a child or has limited capability for work, so the first {Money.Format(workAllowance)} of net earnings is ignored " +
              $"(the {(withHousing ? "lower rate, because Universal Credit includes housing costs" : "higher rate, because there is no housing element")})."
            : "No work allowance: there are no children and no one has limited capability for work, so every pound of net earnings is tapered."));

        var taper = rates.Value("uc.taper");
        var tapered = Math.Max(0, netEarnings - workAllowance) * taper;
        parts.Add(new("uc.taper", "Taken off for earnings (taper)", tapered, netEarnings <= 0
            ? "No earnings."
            : $"{BetterOffCalculator.Percent(taper)} of net earnings {Money.Format(netEarnings)} (after tax, National Insurance and pension) above the work allowance {Money.Format(workAllowance)}."));

        var beforeCap = Math.Max(0, maximum - tapered);
        var (capReduction, capWords, note) = BenefitCap(household, rates, beforeCap, childcare, netEarnings, childBenefit);
        parts.Add(new("uc.benefitCap", "Benefit cap (taken off)", capReduction, capWords));

        var award = Math.Max(0, beforeCap - capReduction);
        parts.Add(new("uc.award", "Universal Credit", award, beforeCap == 0 && maximum > 0
            ? "The taper takes away the whole maximum amount, so no Universal Credit is paid (it cannot go below £0)."
            : "Maximum amount, less the taper, less any benefit cap reduction."));
        return new UniversalCredit(award, parts, note, housing, capReduction, childcare, shortfall);
    }

    private static decimal ChildElements(IReadOnlyList<Child> children, RateTable rates, out string words)
    {
        var first = rates.Value("uc.child.firstBornBefore6April2017");
        var other = rates.Value("uc.child.other");
        var limitApplies = rates.Value("uc.twoChildLimit") != 0;
        decimal total = 0;
        var explained = new List<string>();
        var excluded = 0;

        // Oldest first: the two-child limit counts children in birth order.
        var ordered = children.OrderByDescending(c => c.Age).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var child = ordered[i];
            if (limitApplies && i >= 2 && !child.BornBefore6April2017)
            {
                excluded++;
                continue;
            }

            var amount = i == 0 && child.BornBefore6April2017 ? first : other;
            total += amount;
            explained.Add($"child aged {child.Age}: {Money.Format(amount)}{(i == 0 && child.BornBefore6April2017 ? " (first child born before 6 April 2017)" : "")}");
        }

        words = string.Join("; ", explained) + ".";
        if (excluded > 0)
        {
            words += $" The two-child limit applies in {rates.TaxYear}: no child element for {excluded} child(ren) born on or after 6 April 2017 who are third or later.";
        }
        else if (!limitApplies && ordered.Count > 2)
        {
            words += $" The two-child limit does not apply in {rates.TaxYear}, so every child counts.";
        }

        return total;
    }

    private static decimal ChildcareElement(Household household, RateTable rates, IReadOnlyList<decimal> grossEarnings, decimal costs, out string words)
    {
        if (costs <= 0)
        {
            words = "No childcare costs.";
            return 0;
        }

        if (household.Children.Count == 0)
        {
            words = "No childcare element: there are no children on the claim.";
            return 0;
        }

        // Everyone on the claim must be in paid work, unless a partner has limited capability for work or is a carer.
        var everyoneCounts = household.Adults.Select((a, i) => grossEarnings[i] > 0 || a.LimitedCapabilityForWork || a.LimitedCapabilityForWorkAndWorkRelatedActivity || a.Carer).All(x => x);
        if (!everyoneCounts)
        {
            words = "No childcare element: each adult must be in paid work (or the partner unable to look after the children).";
            return 0;
        }

        // UC Regulations 2013 reg 34: the maximum depends on the children the childcare is paid for, not on all children.
        var share = rates.Value("uc.childcare.percentage");
        var cared = household.ChildrenInChildcare;
        var twoOrMore = cared >= 2;
        var cap = rates.Value(twoOrMore ? "uc.childcare.maxTwoOrMore" : "uc.childcare.maxOneChild");
        var element = Math.Min(costs * share, cap);
        words = $"{BetterOffCalculator.Percent(share)} of childcare costs {Money.Format(costs)} = {Money.Format(costs * share)}, up to the maximum {Money.Format(cap)} for {(twoOrMore ? "two or more children" : "one child")} " +
            (household.ChildcareChildren is null ? $"(the childcare is taken to be for the {cared} child(ren) under 16; say how many if fewer)" : $"(childcare for {cared} child(ren))") +
            " (UC Regulations 2013 reg 34)." + (costs * share > cap ? " The maximum applies." : "");
        return element;
    }

    /// <summary>
    /// The benefit cap (UC Regulations 2013 regs 79-83): Universal Credit without the childcare element (reg 81) plus
    /// Child Benefit (reg 79(4)(c)) above the cap is taken off. The exceptions come first, each with its reason:
    /// reg 83(1) (LCWRA, carer element, disability benefits of an adult or a child), reg 82(1) (earnings of at least
    /// 16 hours a week at the National Living Wage, × 52 ÷ 12) and the 9-month grace period of reg 82(2)-(4).
    /// </summary>
    private static (decimal Reduction, string Words, string? Note) BenefitCap(
        Household household, RateTable rates, decimal beforeCap, decimal childcare, decimal netEarnings, decimal childBenefit)
    {
        var hours = rates.Value("uc.benefitCap.earningsExemptionHours");
        var nlw = rates.Value("pay.nationalLivingWage");
        var exemption = hours * nlw * BetterOffCalculator.WeeksPerMonth;
        var exemptBecause = CapExemption(household, netEarnings, exemption, hours, nlw);
        if (exemptBecause is not null)
        {
            return (0, "The benefit cap does not apply: " + exemptBecause, null);
        }

        var grace = $"If someone earned at least {Money.Format(exemption)} a month (after tax, National Insurance and pension) in each of the 12 months before their work ended, " +
            "the benefit cap does not apply for a 9-month grace period after it ends (UC Regulations 2013 reg 82(2)).";
        var singleNoChildren = household.Adults.Count == 1 && household.Children.Count == 0;
        var cap = rates.Value(singleNoChildren ? "uc.benefitCap.single" : "uc.benefitCap.coupleOrChildren");
        var capped = beforeCap - childcare;
        var reduction = Math.Min(Math.Max(0, capped), Math.Max(0, capped + childBenefit - cap));
        var words = $"The cap outside Greater London for {(singleNoChildren ? "a single adult without children" : "a couple or anyone with a child")} is {Money.Format(cap)} a month; " +
            $"Universal Credit (without the childcare element) of {Money.Format(capped)}" +
            (childBenefit > 0 ? $" plus Child Benefit of {Money.Format(childBenefit)}, {Money.Format(capped + childBenefit)} in all," : "") + " is " +
            (reduction > 0 ? $"over it by {Money.Format(reduction)}, which is taken off Universal Credit." : "within it.") +
            $" Net earnings of at least {Money.Format(exemption)} a month would lift the cap (UC Regulations 2013 regs 79-82).";
        return (reduction, words, reduction > 0 ? grace : null);
    }

    /// <summary>Why the cap does not apply, or null when it does. The order is the regulation's: benefits first, then earnings.</summary>
    private static string? CapExemption(Household household, decimal netEarnings, decimal exemption, decimal hours, decimal nlw)
    {
        var adults = household.Adults;
        if (adults.Any(a => a.LimitedCapabilityForWorkAndWorkRelatedActivity))
        {
            return "someone on the claim has the LCWRA element (UC Regulations 2013 reg 83(1)(a)).";
        }

        if (adults.Any(a => a.Carer))
        {
            return "the carer element is in the award (UC Regulations 2013 reg 83(1)(b)).";
        }

        if (adults.Any(a => a.DisabilityBenefit))
        {
            return "an adult on the claim gets a disability benefit such as PIP, Adult Disability Payment, DLA or Attendance Allowance (UC Regulations 2013 reg 83(1)).";
        }

        var disabledChildren = household.Children.Count(c => c.Disability != ChildDisability.None);
        if (disabledChildren > 0)
        {
            return $"{disabledChildren} child(ren) get the disabled child addition, which is paid only with Child Disability Payment, DLA, PIP or Adult Disability Payment, " +
                "and a child's disability benefit lifts the cap (UC Regulations 2013 reg 83(1)).";
        }

        if (netEarnings >= exemption)
        {
            return $"net earnings {Money.Format(netEarnings)} are at least {Money.Format(exemption)} a month ({hours:0} hours × National Living Wage {Money.Format(nlw)} × 52 ÷ 12; UC Regulations 2013 reg 82(1)).";
        }

        return household.BenefitCapGracePeriod
            ? "the household is in the 9-month grace period after work that paid at least the earnings exception level ended (UC Regulations 2013 reg 82(2)); the cap will apply when it ends."
            : null;
    }
}
