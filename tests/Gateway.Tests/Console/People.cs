using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests.Console;

/// <summary>Residents for the console's tests, made through the public API.</summary>
internal static class People
{
    /// <summary>An elderly resident at <paramref name="point"/> who needs a daily phone call (so is due one now); her id.</summary>
    public static async Task<string> ResidentWithDailyCallAsync(GatewayHost host, GeoPoint point)
    {
        var household = (await new HouseholdService.HouseholdServiceClient(host.Channel).CreateHouseholdAsync(
            new CreateHouseholdRequest { Profile = TestPeople.HouseholdAt(point) })).Household;
        var profile = TestPeople.ResidentIn(household.Profile.HouseholdId, "Zhou Lan", new DateOnly(1938, 3, 2));
        profile.ServiceNeeds.Add(new ServiceNeed { Kind = "phone call", Cadence = ServiceCadence.Daily });
        await new ResidentService.ResidentServiceClient(host.Channel).CreateResidentAsync(new CreateResidentRequest { Profile = profile });
        return profile.ResidentId;
    }
}
