namespace Nolb.Web.Domain.Interventions;

/// <summary>
/// The intervention catalogue as the No One Left Behind Operating Plan 2022–2025 lists it (seed 000, Annex 1,
/// "Example of Interventions"). Names are the plan's words. The first two headings are described in prose
/// rather than bullets in the plan; their sub-types are the activities that prose names.
/// Codes are stable: other features record interventions by code (e.g. <see cref="BetterOffInWork"/>).
/// </summary>
public static class AnnexOneCatalogue
{
    public const string BetterOffInWork = "money-management.better-off-in-work";

    public sealed record Category(string Code, string Name, string Description, IReadOnlyList<(string Code, string Name)> Types);

    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("referral-engagement", "Referral and Engagement Activity",
            "Registration and initial action plan, detailed assessment of support needs and barriers to progression such as qualifications, experience, core skills, housing, drugs & alcohol, confidence, motivation, personal finance, health etc), creation of a detailed action plan.",
            [
                ("referral-engagement.registration", "Registration and initial action plan"),
                ("referral-engagement.needs-assessment", "Detailed assessment of support needs and barriers to progression"),
                ("referral-engagement.action-plan", "Creation of a detailed action plan"),
            ]),
        new("case-management", "Case Management",
            "Key worker/Adviser support to manage progression through action plan, follow up meetings, tracking progress, engagement, continuous assessment, making referrals, advocating, reviewing and updating action plan.",
            [
                ("case-management.key-worker-support", "Key worker/Adviser support to manage progression through action plan"),
                ("case-management.follow-up-meeting", "Follow up meetings"),
                ("case-management.tracking-progress", "Tracking progress, engagement, continuous assessment"),
                ("case-management.referral", "Making referrals"),
                ("case-management.advocating", "Advocating"),
                ("case-management.plan-review", "Reviewing and updating action plan"),
            ]),
        new("money-management", "Money Management/Debt Advice", "Financial health, benefits and debt advice.",
            [
                ("money-management.financial-health-check", "Financial health check, benefits advice, managing debt, setting up bank accounts, living on a budget management advice/financial well-being advice and support"),
                (BetterOffInWork, "Better Off In Work Calculations"),
            ]),
        new("health-wellbeing", "Health and Wellbeing", "Health assessments, health interventions and healthy living advice.",
            [
                ("health-wellbeing.health-assessment", "Health assessments, condition management plans and Social Prescribing"),
                ("health-wellbeing.health-interventions", "Occupational Therapy, Mental Health Support, substance abuse support, Counselling and other health interventions"),
                ("health-wellbeing.healthy-living", "Healthy living and diet advice."),
            ]),
        new("personal-social-development", "Personal and Social Development", "Confidence, personal development, communication, digital literacy and work preparation.",
            [
                ("personal-social-development.confidence-motivation", "Confidence Building/Motivation"),
                ("personal-social-development.personal-development", "Personal Development, Personal Presentation, Problem solving, Communication /ESOL"),
                ("personal-social-development.digital-literacy", "Digital Skill Literacy"),
                ("personal-social-development.work-preparation", "Work Preparation"),
            ]),
        new("skills-training", "Accredited and Certificated Core / Vocational Skills Training", "Accredited and certificated training, from core skills to vocational qualifications.",
            [
                ("skills-training.employability-award-scqf4", "Employability award units SCQF level 4 or above"),
                ("skills-training.digital-skills", "Digital Skills"),
                ("skills-training.core-skills", "Accredited core skills training"),
                ("skills-training.national-progression-award", "National Progression Awards."),
                ("skills-training.short-courses", "Short courses such as first aid, food hygiene etc"),
                ("skills-training.vocational-qualification", "Specific vocational qualifications and/or industry recognised certificates"),
            ]),
        new("work-experience", "Work Experience", "Work-based activity and supported employment.",
            [
                ("work-experience.work-based-activity", "Work based activity, job tasters and employment focused volunteering"),
                ("work-experience.allowance-or-wage", "Allowance or Wage Based"),
                ("work-experience.supported-employment", "ILM/Supported Employment/IPS"),
            ]),
        new("job-search", "Job Search", "CVs, applications and interview preparation.",
            [
                ("job-search.cv", "Create and update a CV"),
                ("job-search.applications-interviews", "Job seeking, applications and Interview preparation"),
                ("job-search.online", "Online applications/interviews"),
            ]),
        new("employer-support", "Employer Support, Engagement and Job Matching", "Work with employers to create, match and keep jobs.",
            [
                ("employer-support.recruitment-advice", "Recruitment Advice, Job Carving, Job Descriptions"),
                ("employer-support.job-broking", "Job Broking, Vacancy Matching, , Interview preparation, Job Coaching etc"),
                ("employer-support.health-safety", "Health and Safety/Risk Assessments"),
                ("employer-support.recruitment-incentives", "Employer Recruitment Incentives - Minimum Standards re ERI National Framework"),
            ]),
    ];
}
