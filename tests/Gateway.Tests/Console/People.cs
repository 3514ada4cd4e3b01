using Governance.City.Population;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests.Console;

/// <summary>Residents for the console's tests, made through the public API.</summary>
internal static class People
{
    private static int _sequence = 300;

    /// <summary>An elderly resident at <paramref name="point"/> who needs a daily phone call (so is due one now); her id.</summary>
    public static async Task<string> ResidentWithDailyCallAsync(GatewayHost host, GeoPoint point)
    {
        var households = new HouseholdService.HouseholdServiceClient(host.Channel);
        var residents = new ResidentService.ResidentServiceClient(host.Channel);
        var household = (await households.CreateHouseholdAsync(new CreateHouseholdRequest
        {
            Profile = new HouseholdProfile
            {
                HouseholdId = $"h-console-{Guid.NewGuid():N}"[..20], Address = "3 Willow Lane", Location = point, ElevationMeters = 12,
                Storey = 1, BuildingStoreys = 4, Construction = Construction.BrickConcrete, BuiltYear = 1979,
            },
        })).Household;
        var profile = new ResidentProfile
        {
            ResidentId = $"r-console-{Guid.NewGuid():N}"[..20],
            HouseholdId = household.Profile.HouseholdId,
            Name = "Zhou Lan",
            // A region code the demo city does not use, a sequence of its own.
            IdNumber = ResidentIdNumber.Create("650109", new DateOnly(1938, 3, 2), Interlocked.Increment(ref _sequence) % 900, Gender.Female),
            RelationToHead = "head",
        };
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "phone call", Cadence = ServiceCadence.Daily });
        await residents.CreateResidentAsync(new CreateResidentRequest { Profile = profile });
        return profile.ResidentId;
    }
}
