using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Governance.City.Map;
using Governance.City.Population;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>What a resident's file and a household's profile must be, field by field; each wrong field is named.</summary>
internal static partial class PeopleRules
{
    private const int NameMaxLength = 64;
    private const int RelationMaxLength = 32;
    private const int HealthNotesMaxLength = 2_000;
    private const int ServiceKindMaxLength = 100;
    private const int ServiceNeedsMax = 10;
    private const int EmergencyContactsMax = 5;
    private const int AddressMaxLength = 200;

    /// <summary>The special-group tags a file may carry.</summary>
    public static IReadOnlyList<string> Tags => ResidentTags.All;

    /// <summary>A record id: 1-64 of a-z, 0-9 and '-'.</summary>
    public static bool IsId(string id) => IdShape().IsMatch(id);

    public static void RequireId(FieldViolations violations, string field, string id)
    {
        if (!IsId(id))
        {
            violations.Add(field, id.Length == 0 ? "is required" : "must be 1-64 of a-z, 0-9 and '-'");
        }
    }

    /// <summary>The file a profile describes, or violations naming each wrong field under <paramref name="prefix"/>.</summary>
    public static ResidentDetails Resident(FieldViolations violations, ResidentProfile? profile, string prefix = "profile.")
    {
        if (profile is null)
        {
            violations.Add(prefix.TrimEnd('.'), "is required");
            return null!;
        }

        RequireId(violations, prefix + "resident_id", profile.ResidentId);
        RequireId(violations, prefix + "household_id", profile.HouseholdId);
        TextRules.RequireIdentifier(violations, prefix + "name", profile.Name, NameMaxLength);
        var idNumber = profile.IdNumber.Trim().ToUpperInvariant();
        if (!ResidentIdNumber.IsValid(idNumber) || !ResidentIdNumber.TryGetBirthDate(idNumber, out var birthDate))
        {
            violations.Add(prefix + "id_number", idNumber.Length == 0 ? "is required" : "is not an 18-character resident identity number with a valid birth date and check character");
            birthDate = default;
        }

        OptionalPhone(violations, prefix + "phone", profile.Phone);
        TextRules.RequireIdentifier(violations, prefix + "relation_to_head", profile.RelationToHead, RelationMaxLength);
        for (var i = 0; i < profile.Tags.Count; i++)
        {
            if (!Tags.Contains(profile.Tags[i]))
            {
                violations.Add($"{prefix}tags[{i}]", $"'{profile.Tags[i]}' is not a special group; one of {string.Join(", ", Tags)}");
            }
            else if (profile.Tags.IndexOf(profile.Tags[i]) != i)
            {
                violations.Add($"{prefix}tags[{i}]", $"'{profile.Tags[i]}' is given twice");
            }
        }

        if (profile.HealthNotes.Length > HealthNotesMaxLength)
        {
            violations.Add(prefix + "health_notes", $"is {profile.HealthNotes.Length} characters long; at most {HealthNotesMaxLength} are allowed");
        }

        return new ResidentDetails(
            profile.ResidentId, profile.HouseholdId, profile.Name.Trim(), birthDate == default ? "" : Gender(idNumber), birthDate, idNumber,
            profile.Phone.Trim(), profile.RelationToHead.Trim(), [.. profile.Tags])
        {
            HealthNotes = profile.HealthNotes.Trim(),
            ServiceNeeds = Needs(violations, profile, prefix),
            EmergencyContacts = Contacts(violations, profile, prefix),
        };
    }

    /// <summary>The household a profile describes, its cell the one its location lies in, or violations naming each wrong field.</summary>
    public static HouseholdDetails Household(FieldViolations violations, HouseholdProfile? profile, CityMap city, int thisYear, string prefix = "profile.")
    {
        if (profile is null)
        {
            violations.Add(prefix.TrimEnd('.'), "is required");
            return null!;
        }

        RequireId(violations, prefix + "household_id", profile.HouseholdId);
        TextRules.RequireIdentifier(violations, prefix + "address", profile.Address, AddressMaxLength);
        string? cellId = null;
        if (profile.Location is null)
        {
            violations.Add(prefix + "location", "is required: the building's position gives the household's cell");
        }
        else if (GeoRules.Validate(violations, prefix + "location", profile.Location))
        {
            cellId = city.Locate(profile.Location.Latitude, profile.Location.Longitude)?.Code;
            if (cellId is null)
            {
                violations.Add(prefix + "location", $"({profile.Location.Latitude}, {profile.Location.Longitude}) is outside every area of {city.Name}");
            }
        }

        if (double.IsNaN(profile.ElevationMeters) || profile.ElevationMeters is < -100 or > 9_000)
        {
            violations.Add(prefix + "elevation_meters", $"{profile.ElevationMeters} is not from -100 to 9,000 metres");
        }

        if (profile.BuildingStoreys is < 1 or > 200)
        {
            violations.Add(prefix + "building_storeys", $"{profile.BuildingStoreys} is not from 1 to 200");
        }
        else if (profile.Storey == 0 || profile.Storey > profile.BuildingStoreys || profile.Storey < -10)
        {
            violations.Add(prefix + "storey", $"{profile.Storey} is not a floor of a building of {profile.BuildingStoreys} storeys (1 is the ground floor, basements are negative)");
        }

        if (profile.Construction == Construction.Unspecified || !Enum.IsDefined(profile.Construction))
        {
            violations.Add(prefix + "construction", profile.Construction == Construction.Unspecified ? "is required" : $"{(int)profile.Construction} is not a construction");
        }

        if (profile.BuiltYear < 1800 || profile.BuiltYear > thisYear)
        {
            violations.Add(prefix + "built_year", $"{profile.BuiltYear} is not from 1800 to {thisYear}");
        }

        return new HouseholdDetails(
            profile.HouseholdId, cellId ?? "", profile.Address.Trim(), new GeoLocation(profile.Location?.Latitude ?? 0, profile.Location?.Longitude ?? 0),
            profile.ElevationMeters, profile.Storey, profile.BuildingStoreys, ConstructionName(profile.Construction), profile.BuiltYear, profile.Dilapidated, []);
    }

    /// <summary>The register's word for a construction, e.g. "brick-concrete".</summary>
    public static string ConstructionName(Construction construction) => construction switch
    {
        Construction.ReinforcedConcrete => "reinforced-concrete",
        Construction.BrickConcrete => "brick-concrete",
        Construction.BrickWood => "brick-wood",
        _ => "other",
    };

    private static ImmutableArray<ServiceNeedInfo> Needs(FieldViolations violations, ResidentProfile profile, string prefix)
    {
        if (profile.ServiceNeeds.Count > ServiceNeedsMax)
        {
            violations.Add(prefix + "service_needs", $"has {profile.ServiceNeeds.Count} needs; at most {ServiceNeedsMax} are allowed");
            return [];
        }

        var needs = ImmutableArray.CreateBuilder<ServiceNeedInfo>();
        for (var i = 0; i < profile.ServiceNeeds.Count; i++)
        {
            var need = profile.ServiceNeeds[i];
            TextRules.RequireIdentifier(violations, $"{prefix}service_needs[{i}].kind", need.Kind, ServiceKindMaxLength);
            if (needs.Any(n => string.Equals(n.Kind, need.Kind.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{prefix}service_needs[{i}].kind", $"'{need.Kind}' is given twice");
            }

            if (need.Cadence == ServiceCadence.Unspecified || !Enum.IsDefined(need.Cadence))
            {
                violations.Add($"{prefix}service_needs[{i}].cadence", "is required: daily, weekly or monthly");
            }

            needs.Add(new ServiceNeedInfo(need.Kind.Trim(), (ServiceCadenceKind)(int)need.Cadence));
        }

        return needs.ToImmutable();
    }

    private static ImmutableArray<EmergencyContactInfo> Contacts(FieldViolations violations, ResidentProfile profile, string prefix)
    {
        if (profile.EmergencyContacts.Count > EmergencyContactsMax)
        {
            violations.Add(prefix + "emergency_contacts", $"has {profile.EmergencyContacts.Count} contacts; at most {EmergencyContactsMax} are allowed");
            return [];
        }

        var contacts = ImmutableArray.CreateBuilder<EmergencyContactInfo>();
        for (var i = 0; i < profile.EmergencyContacts.Count; i++)
        {
            var contact = profile.EmergencyContacts[i];
            TextRules.RequireIdentifier(violations, $"{prefix}emergency_contacts[{i}].name", contact.Name, NameMaxLength);
            TextRules.RequireIdentifier(violations, $"{prefix}emergency_contacts[{i}].relation", contact.Relation, RelationMaxLength);
            if (contact.Phone.Length == 0)
            {
                violations.Add($"{prefix}emergency_contacts[{i}].phone", "is required");
            }

            OptionalPhone(violations, $"{prefix}emergency_contacts[{i}].phone", contact.Phone);
            contacts.Add(new EmergencyContactInfo(contact.Name.Trim(), contact.Relation.Trim(), contact.Phone.Trim()));
        }

        return contacts.ToImmutable();
    }

    private static void OptionalPhone(FieldViolations violations, string field, string phone)
    {
        if (phone.Length > 0 && !PhoneShape().IsMatch(phone.Trim()))
        {
            violations.Add(field, "is not a phone number: 5-20 digits, an optional leading '+', spaces and dashes");
        }
    }

    private static string Gender(string idNumber) => ResidentIdNumber.GenderOf(idNumber).ToString().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    // 5 to 20 digits, separated by single spaces or dashes, after an optional '+'.
    [GeneratedRegex(@"^\+?[0-9](?:[ -]?[0-9]){4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
