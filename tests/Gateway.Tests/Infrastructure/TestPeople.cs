using Governance.City.Population;
using Governance.Contracts.V1;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>Valid household and resident files to start from; each test adds what it is about.</summary>
public static class TestPeople
{
    // One sequence for every test in the process, so no two files share an ID number on a shared host.
    private static int _sequence;

    public static HouseholdProfile HouseholdAt(GeoPoint point) => new()
    {
        HouseholdId = $"h-test-{Guid.NewGuid():N}"[..20],
        Address = "12 Riverside Lane, Building 3, Unit 2",
        Location = point,
        ElevationMeters = 21.5,
        Storey = 1,
        BuildingStoreys = 6,
        Construction = Construction.BrickConcrete,
        BuiltYear = 1988,
        Dilapidated = false,
    };

    public static ResidentProfile ResidentIn(string householdId, string name, DateOnly birthDate) => new()
    {
        ResidentId = $"r-test-{Guid.NewGuid():N}"[..20],
        HouseholdId = householdId,
        Name = name,
        // A number no demo resident has: a region code the demo city does not use, and a sequence of its own.
        IdNumber = ResidentIdNumber.Create("650101", birthDate, Interlocked.Increment(ref _sequence) % 900, Gender.Female),
        RelationToHead = "head",
    };
}
