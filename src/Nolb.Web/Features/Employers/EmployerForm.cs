using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Features.Employers;

/// <summary>The employer form's fields, shared by adding and changing an employer.</summary>
public sealed class EmployerForm
{
    public string? Name { get; set; }
    public SicSection? Sector { get; set; }
    public SizeBand? Size { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public bool RealLivingWageEmployer { get; set; }
    public bool YoungPersonsGuaranteePledge { get; set; }
    public DisabilityConfidentLevel? DisabilityConfident { get; set; }
    public Guid? Version { get; set; }

    public EmployerDetails ToDetails() => new(Name, Sector, Size, Town, Postcode, ContactName, ContactEmail, ContactPhone, RealLivingWageEmployer, YoungPersonsGuaranteePledge, DisabilityConfident);

    public static EmployerForm From(Employer e) => new()
    {
        Name = e.Name,
        Sector = e.Sector,
        Size = e.Size,
        Town = e.Town,
        Postcode = e.Postcode,
        ContactName = e.ContactName,
        ContactEmail = e.ContactEmail,
        ContactPhone = e.ContactPhone,
        RealLivingWageEmployer = e.RealLivingWageEmployer,
        YoungPersonsGuaranteePledge = e.YoungPersonsGuaranteePledge,
        DisabilityConfident = e.DisabilityConfident,
        Version = e.Version,
    };
}
