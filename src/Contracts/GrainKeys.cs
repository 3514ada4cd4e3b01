namespace Governance.Contracts;

/// <summary>
/// Grain keys carry a type prefix: bare string keys that look like hex numbers collide in the ADO.NET
/// store ("0520097" and "520097" are one row, dotnet/orleans #9706), and a prefix keeps them apart.
/// </summary>
public static class GrainKeys
{
    public const string CellPrefix = "cell:";
    public const string CasePrefix = "case:";
    public const string HouseholdPrefix = "hh:";
    public const string ResidentPrefix = "res:";
    public const string ZonePrefix = "zone:";
    public const string DepartmentPrefix = "dept:";
    public const string CouncilPrefix = "council:";
    public const string WatchPrefix = "watch:";

    /// <summary>The city's one project library.</summary>
    public const string ProjectLibrary = "projects:city";

    /// <summary>The city's one register of surveys.</summary>
    public const string SurveyRegister = "surveys:city";

    /// <summary>The city's one register of policies.</summary>
    public const string PolicyRegister = "policies:city";

    public const string SurveyPrefix = "survey:";

    public static string Survey(string surveyId) => SurveyPrefix + surveyId;

    public static string Council(string communityCode) => CouncilPrefix + communityCode;

    public static string Cell(string cellId) => CellPrefix + cellId;

    public static string Case(string caseId) => CasePrefix + caseId;

    public static string Household(string householdId) => HouseholdPrefix + householdId;

    public static string Resident(string residentId) => ResidentPrefix + residentId;

    public static string Zone(string zoneId) => ZonePrefix + zoneId;

    public static string Department(string code) => DepartmentPrefix + code;

    /// <summary>The grain a cluster's reminder runs a watch in, e.g. "watch:deadlines".</summary>
    public static string Watch(string name) => WatchPrefix + name;

    public const string AreaEvaluationPrefix = "eval:area:";
    public const string DepartmentEvaluationPrefix = "eval:dept:";

    /// <summary>The roll-up of an area's evaluation.</summary>
    public static string AreaEvaluation(string areaCode) => AreaEvaluationPrefix + areaCode;

    /// <summary>The roll-up of a department's evaluation.</summary>
    public static string DepartmentEvaluation(string code) => DepartmentEvaluationPrefix + code;

    /// <summary>The id without its prefix, e.g. "d1.3.4" from "cell:d1.3.4".</summary>
    public static string Strip(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal)
            ? key[prefix.Length..]
            : throw new ArgumentException($"Grain key '{key}' does not start with '{prefix}'.", nameof(key));
}
