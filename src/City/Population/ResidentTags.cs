namespace Governance.City.Population;

/// <summary>The special-group tags (重点人群) a resident can carry; grid workers visit these people first.</summary>
public static class ResidentTags
{
    /// <summary>空巢独居老人: aged 70 or over and living alone.</summary>
    public const string ElderlyAlone = "elderly-alone";

    /// <summary>低保: the household receives minimum-living-standard support; every member carries it.</summary>
    public const string LowIncome = "low-income";

    /// <summary>五保: an elderly person without family support, provided for by the state.</summary>
    public const string FiveGuarantee = "five-guarantee";

    /// <summary>残疾: holds a disability certificate.</summary>
    public const string Disabled = "disabled";

    /// <summary>留守儿童: a child living with grandparents while both parents work elsewhere.</summary>
    public const string LeftBehindChild = "left-behind-child";

    /// <summary>重点监管: a person under community correction or monitoring; the demo city generates none.</summary>
    public const string UnderMonitoring = "under-monitoring";

    public static IReadOnlyList<string> All { get; } = [ElderlyAlone, LowIncome, FiveGuarantee, Disabled, LeftBehindChild, UnderMonitoring];
}
