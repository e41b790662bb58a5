namespace Nolb.Web.Domain.Participants;

/// <summary>
/// Equality monitoring, asked as Scotland's Census 2022 asks it. Every answer is optional (null = not asked
/// or not answered) and every question offers "prefer not to say". Special-category data: only roles that
/// need it see it.
/// </summary>
public sealed class EqualityMonitoring
{
    public Sex? Sex { get; set; }
    public TransStatus? TransStatus { get; set; }
    public Ethnicity? Ethnicity { get; set; }
    public YesNo? Disabled { get; set; }
    public YesNo? LongTermHealthCondition { get; set; }
    public Religion? Religion { get; set; }
    public SexualOrientation? SexualOrientation { get; set; }
}

public enum YesNo
{
    Yes,
    No,
    PreferNotToSay,
}

public enum Sex
{
    Female,
    Male,
    PreferNotToSay,
}

/// <summary>"Do you consider yourself to be trans, or have a trans history?" (Census 2022).</summary>
public enum TransStatus
{
    No,
    Yes,
    PreferNotToSay,
}

/// <summary>Ethnic groups as in Scotland's Census 2022, in its order.</summary>
public enum Ethnicity
{
    WhiteScottish,
    WhiteOtherBritish,
    WhiteIrish,
    WhiteGypsyTraveller,
    WhiteRoma,
    WhiteShowman,
    WhitePolish,
    WhiteOther,
    MixedOrMultiple,
    AsianPakistani,
    AsianIndian,
    AsianBangladeshi,
    AsianChinese,
    AsianOther,
    African,
    AfricanOther,
    Caribbean,
    Black,
    CaribbeanOrBlackOther,
    Arab,
    OtherEthnicGroup,
    PreferNotToSay,
}

/// <summary>Religion, religious denomination or body, as in Scotland's Census 2022.</summary>
public enum Religion
{
    None,
    ChurchOfScotland,
    RomanCatholic,
    OtherChristian,
    Buddhist,
    Hindu,
    Jewish,
    Muslim,
    Pagan,
    Sikh,
    Other,
    PreferNotToSay,
}

public enum SexualOrientation
{
    StraightOrHeterosexual,
    GayOrLesbian,
    Bisexual,
    Other,
    PreferNotToSay,
}
