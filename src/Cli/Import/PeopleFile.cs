using System.Globalization;
using Google.Protobuf;
using Governance.Cli.Csv;
using Governance.Contracts.V1;

namespace Governance.Cli.Import;

/// <summary>A record read from an import file: the record to send, or why its line cannot be one.</summary>
public sealed record PeopleLine(long Line, PeopleRecord? Record, string Field, string Reason);

/// <summary>
/// Reads households and residents from JSONL (one PeopleRecord in proto JSON per line) or CSV (a file of households or
/// of residents, told apart by their columns), one line at a time, so a file of any size streams.
/// </summary>
public static class PeopleFile
{
    /// <summary>The columns a CSV of households must have.</summary>
    public static IReadOnlyList<string> HouseholdColumns { get; } =
        ["household_id", "address", "latitude", "longitude", "elevation_meters", "storey", "building_storeys", "construction", "built_year", "dilapidated"];

    /// <summary>The columns a CSV of residents must have; tags, health_notes, service_needs and emergency_contacts may be left out.</summary>
    public static IReadOnlyList<string> ResidentColumns { get; } = ["resident_id", "household_id", "name", "id_number", "phone", "relation_to_head"];

    public static async IAsyncEnumerable<PeopleLine> ReadAsync(string path, TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reader);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var line in ReadCsvAsync(reader, cancellationToken))
            {
                yield return line;
            }

            yield break;
        }

        var number = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            PeopleLine parsed;
            try
            {
                parsed = new PeopleLine(number, JsonParser.Default.Parse<PeopleRecord>(text), "", "");
            }
            catch (InvalidProtocolBufferException ex)
            {
                parsed = new PeopleLine(number, null, "line", $"is not a household or resident record in JSON: {ex.Message}");
            }
            catch (InvalidJsonException ex)
            {
                parsed = new PeopleLine(number, null, "line", $"is not JSON: {ex.Message}");
            }

            yield return parsed;
        }
    }

    private static async IAsyncEnumerable<PeopleLine> ReadCsvAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = new CsvReader(reader);
        if (await csv.ReadAsync(cancellationToken) is not { } first)
        {
            yield break;
        }

        var header = new CsvHeader(first.Fields);
        var residents = header.TryGetIndex("resident_id", out _);
        var missing = (residents ? ResidentColumns : HouseholdColumns).Where(column => !header.TryGetIndex(column, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvFormatException(first.LineNumber,
                $"a CSV of {(residents ? "residents" : "households")} needs the columns {string.Join(", ", missing)}; it has {string.Join(", ", header.Names)}");
        }

        while (await csv.ReadAsync(cancellationToken) is { } row)
        {
            string Get(string column) => header.TryGetIndex(column, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";
            yield return residents ? Resident(row.LineNumber, Get) : Household(row.LineNumber, Get);
        }
    }

    private static PeopleLine Household(long line, Func<string, string> get)
    {
        var numbers = new Dictionary<string, double>();
        foreach (var column in new[] { "latitude", "longitude", "elevation_meters", "storey", "building_storeys", "built_year" })
        {
            if (!double.TryParse(get(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return new PeopleLine(line, null, column, $"'{get(column)}' is not a number");
            }

            numbers[column] = value;
        }

        var construction = get("construction").ToLowerInvariant() switch
        {
            "reinforced-concrete" => Construction.ReinforcedConcrete,
            "brick-concrete" => Construction.BrickConcrete,
            "brick-wood" => Construction.BrickWood,
            "other" => Construction.Other,
            _ => Construction.Unspecified,
        };
        if (construction == Construction.Unspecified)
        {
            return new PeopleLine(line, null, "construction", $"'{get("construction")}' is not reinforced-concrete, brick-concrete, brick-wood or other");
        }

        if (Flag(get("dilapidated")) is not { } dilapidated)
        {
            return new PeopleLine(line, null, "dilapidated", $"'{get("dilapidated")}' is not true or false");
        }

        return new PeopleLine(line, new PeopleRecord
        {
            Household = new HouseholdProfile
            {
                HouseholdId = get("household_id"),
                Address = get("address"),
                Location = new GeoPoint { Latitude = numbers["latitude"], Longitude = numbers["longitude"] },
                ElevationMeters = numbers["elevation_meters"],
                Storey = (int)numbers["storey"],
                BuildingStoreys = (int)numbers["building_storeys"],
                Construction = construction,
                BuiltYear = (int)numbers["built_year"],
                Dilapidated = dilapidated,
            },
        }, "", "");
    }

    private static PeopleLine Resident(long line, Func<string, string> get)
    {
        var profile = new ResidentProfile
        {
            ResidentId = get("resident_id"),
            HouseholdId = get("household_id"),
            Name = get("name"),
            IdNumber = get("id_number"),
            Phone = get("phone"),
            RelationToHead = get("relation_to_head"),
            HealthNotes = get("health_notes"),
            Tags = { List(get("tags")) },
        };
        foreach (var need in List(get("service_needs")))
        {
            // "kind:cadence", e.g. "health check:weekly".
            var split = need.LastIndexOf(':');
            var cadence = split < 0 ? ServiceCadence.Unspecified : need[(split + 1)..].Trim().ToLowerInvariant() switch
            {
                "daily" => ServiceCadence.Daily,
                "weekly" => ServiceCadence.Weekly,
                "monthly" => ServiceCadence.Monthly,
                _ => ServiceCadence.Unspecified,
            };
            if (cadence == ServiceCadence.Unspecified)
            {
                return new PeopleLine(line, null, "service_needs", $"'{need}' is not kind:daily, kind:weekly or kind:monthly");
            }

            profile.ServiceNeeds.Add(new ServiceNeed { Kind = need[..split].Trim(), Cadence = cadence });
        }

        foreach (var contact in List(get("emergency_contacts")))
        {
            // "name:relation:phone".
            var parts = contact.Split(':');
            if (parts.Length != 3)
            {
                return new PeopleLine(line, null, "emergency_contacts", $"'{contact}' is not name:relation:phone");
            }

            profile.EmergencyContacts.Add(new EmergencyContact { Name = parts[0].Trim(), Relation = parts[1].Trim(), Phone = parts[2].Trim() });
        }

        return new PeopleLine(line, new PeopleRecord { Resident = profile }, "", "");
    }

    // Several values in one cell, separated by ';'.
    private static string[] List(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool? Flag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" or "" => false,
        _ => null,
    };
}
