namespace Nolb.Web.Features.Employers;

/// <summary>
/// The Real Living Wage a vacancy is measured against (Living Wage Foundation; set each autumn). Default
/// £12.60, the 2025-26 rate — check it and change <c>Nolb:FairWork:RealLivingWage</c>
/// when the Foundation announces a new one.
/// </summary>
public sealed class FairWorkSettings
{
    public const string Section = "Nolb:FairWork";

    public decimal RealLivingWage { get; set; } = 12.60m;
}
