using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain;

namespace Nolb.Web.Features.Organisations;

public static class OrganisationChoices
{
    public static string DisplayName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority => "Local authority",
        OrganisationKind.SkillsDevelopmentScotland => "Skills Development Scotland",
        OrganisationKind.JobcentrePlus => "DWP / Jobcentre Plus",
        OrganisationKind.NhsBoard => "NHS board",
        OrganisationKind.College => "College",
        OrganisationKind.ThirdSector => "Third sector",
        OrganisationKind.PrivateProvider => "Private provider",
        OrganisationKind.Employer => "Employer",
        _ => "Other",
    };

    public static IReadOnlyList<SelectListItem> Kinds() =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(k.DisplayName(), k.ToString())).ToList();
}
