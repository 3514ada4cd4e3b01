using System.Text.Json;
using Governance.City.Population;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;

namespace Governance.Silo.Cities;

/// <summary>
/// Turns the city's population into register records whose JSON is the grain DTO, so that a household or
/// resident grain seeds itself with one deserialisation (see <see cref="RegisterSeed"/>).
/// </summary>
internal static class RegisterRecords
{
    public static RegistryRecord Household(HouseholdRecord h) => new(
        RegistryKinds.Household,
        h.Id,
        h.CellCode,
        JsonSerializer.Serialize(
            new HouseholdDetails(
                h.Id, h.CellCode, h.Address, new GeoLocation(h.Location.Latitude, h.Location.Longitude), h.ElevationMeters,
                h.Storey, h.BuildingStoreys, Kebab(h.Construction.ToString()), h.BuiltYear, h.Dilapidated, [.. h.MemberIds]),
            RegisterSeed.Json));

    public static RegistryRecord Resident(ResidentRecord r, string cellCode) => new(
        RegistryKinds.Resident,
        r.Id,
        cellCode,
        JsonSerializer.Serialize(
            new ResidentDetails(
                r.Id, r.HouseholdId, r.Name, r.Gender.ToString().ToLowerInvariant(), r.BirthDate, r.IdNumber, r.Phone,
                Kebab(r.Relation.ToString()), [.. r.Tags]),
            RegisterSeed.Json));

    /// <summary>"BrickConcrete" → "brick-concrete": the register's words are stable, not C# names.</summary>
    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
