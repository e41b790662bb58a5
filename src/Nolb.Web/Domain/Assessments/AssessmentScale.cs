namespace Nolb.Web.Domain.Assessments;

/// <summary>
/// The fixed 1–5 scale every domain is scored on, with words a key worker and the person read together.
/// The words describe how things are for the person now, never what is "wrong" with them (seed 000:
/// dignity and respect); 5 means no barrier, or a strength to build on.
/// </summary>
public static class AssessmentScale
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <summary>The anchor for each point, the same for every domain so scores compare across domains and over time.</summary>
    public static IReadOnlyList<(int Score, string Anchor)> Anchors { get; } =
    [
        (1, "This stops me working right now"),
        (2, "This makes work very hard at the moment; I need a lot of support with it"),
        (3, "This gets in the way sometimes; with some support I can manage it"),
        (4, "This is mostly fine; a little help now and then would make a difference"),
        (5, "No barrier for me: this is a strength I can build on"),
    ];

    public static bool IsValid(int score) => score is >= Lowest and <= Highest;

    public static string Anchor(int score) =>
        IsValid(score) ? Anchors[score - Lowest].Anchor : throw new ArgumentOutOfRangeException(nameof(score), score, "Scores run from 1 to 5.");

    /// <summary>The domain in the person's terms, and what to talk about when scoring it.</summary>
    public static (string Name, string Prompt) Describe(this AssessmentDomain domain) => domain switch
    {
        AssessmentDomain.Qualifications => ("Qualifications", "Certificates, courses and training the person has, and whether they match the work they want."),
        AssessmentDomain.WorkExperience => ("Work experience", "Paid work, volunteering, placements and caring or family roles that built skills."),
        AssessmentDomain.Literacy => ("Reading and writing", "Reading letters and forms, filling in applications, writing messages at work."),
        AssessmentDomain.Numeracy => ("Working with numbers", "Everyday sums, money, measurements, timesheets and payslips."),
        AssessmentDomain.DigitalSkills => ("Digital skills", "Using a phone or computer, email, online forms and job sites; having a device and data."),
        AssessmentDomain.Confidence => ("Confidence", "How the person feels about meeting new people, interviews and starting something new."),
        AssessmentDomain.Motivation => ("Motivation", "How much the person wants to work or learn now, and what drives them."),
        AssessmentDomain.Housing => ("Housing", "Somewhere safe and settled to live, and whether housing worries get in the way."),
        AssessmentDomain.FinanceAndDebt => ("Money and debt", "Managing money, benefits, debts and worries about being better or worse off in work."),
        AssessmentDomain.PhysicalHealth => ("Physical health", "Health conditions, disability, pain or tiredness and the adjustments that help."),
        AssessmentDomain.MentalHealth => ("Mental health and wellbeing", "Stress, anxiety, low mood and what helps the person feel well."),
        AssessmentDomain.DrugsAndAlcohol => ("Drugs and alcohol", "Whether drug or alcohol use, or recovery from it, affects work now."),
        AssessmentDomain.Childcare => ("Childcare", "Childcare that fits the hours and place of work, and its cost."),
        AssessmentDomain.CaringResponsibilities => ("Caring for someone", "Looking after a family member or friend and the time and flexibility that needs."),
        AssessmentDomain.Transport => ("Getting about", "Getting to work or training: buses, trains, a licence, a car, cost and time."),
        AssessmentDomain.Convictions => ("Convictions", "Whether a conviction affects the jobs the person can do, and how to talk to employers about it."),
        AssessmentDomain.Language => ("English language", "Speaking, reading and understanding English for work (ESOL)."),
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };
}
