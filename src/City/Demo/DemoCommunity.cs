namespace Governance.City.Demo;

/// <summary>A community of the demo city and what drives its housing and population.</summary>
/// <param name="Code">Its area code.</param>
/// <param name="Kind">Its kind of housing.</param>
/// <param name="Density">Relative households per square metre.</param>
/// <param name="RegionCode">The ID-number region code of its district.</param>
internal sealed record DemoCommunity(string Code, CommunityKind Kind, double Density, string RegionCode);
