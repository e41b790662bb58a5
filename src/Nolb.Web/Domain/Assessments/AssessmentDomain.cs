namespace Nolb.Web.Domain.Assessments;

/// <summary>
/// The areas of life a needs assessment looks at. Core skills are scored as literacy and numeracy
/// separately, because support for each is different. Stored by name.
/// </summary>
public enum AssessmentDomain
{
    Qualifications,
    WorkExperience,
    Literacy,
    Numeracy,
    DigitalSkills,
    Confidence,
    Motivation,
    Housing,
    FinanceAndDebt,
    PhysicalHealth,
    MentalHealth,
    DrugsAndAlcohol,
    Childcare,
    CaringResponsibilities,
    Transport,
    Convictions,
    Language,
}
