using Governance.Silo.Cities;

namespace Governance.Silo.Hosting;

/// <summary>What the start-up found, for the banner: the store in use and the city it serves.</summary>
public sealed record StartupFacts(string Store, CityLoadResult City);
