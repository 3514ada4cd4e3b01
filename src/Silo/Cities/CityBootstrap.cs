using System.Diagnostics;
using System.Text.Json;
using Governance.City.Demo;
using Governance.City.GeoJson;
using Governance.City.Map;
using Governance.Grains.Storage;

namespace Governance.Silo.Cities;

/// <summary>
/// Gives the silo its city at start: the one stored in the register, or, on first start, the demo city or
/// the GeoJSON file's, written to the register with its population in one transaction, so a start that is
/// killed half-way leaves nothing behind and the next start begins again.
/// </summary>
public static class CityBootstrap
{
    public static async Task<CityLoadResult> LoadOrCreateAsync(
        IRegistryStore registry, CityOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var source = SourceOf(options);
        if (await LoadStoredAsync(registry, cancellationToken) is { } loaded)
        {
            if (options.GeoJson is not null && loaded.Source != source)
            {
                throw new InvalidOperationException(
                    $"The store already holds the city from {loaded.Source}; it cannot serve {source} too. " +
                    "Start with another store (e.g. --Storage:SqlitePath data/other.db) or remove the old one (its journal, <name>.journal.db, is then set aside at start).");
            }

            return loaded;
        }

        var (map, records, households, residents) = options.GeoJson is null ? Demo(options) : FromFile(options);
        var cityRecord = new RegistryRecord(
            RegistryKinds.City, RegistryKinds.CurrentCity, null,
            JsonSerializer.Serialize(
                new StoredCity(source, options.GeoJson is null ? null : options.CodeProperty, map.CellSizeMeters, time.GetUtcNow(), map.ToJson()),
                RegisterSeed.Json));
        await registry.UpsertManyAsync(records.Append(cityRecord), cancellationToken);
        return new CityLoadResult(map, source, Created: true, households, residents, clock.Elapsed);
    }

    /// <summary>The city the register holds, or null before a silo has created one.</summary>
    public static async Task<CityLoadResult?> LoadStoredAsync(IRegistryStore registry, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var stored = await registry.GetAsync(RegistryKinds.City, RegistryKinds.CurrentCity, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var city = JsonSerializer.Deserialize<StoredCity>(stored.Body, RegisterSeed.Json)
            ?? throw new InvalidDataException("The stored city record is empty.");
        return new CityLoadResult(
            CityMap.FromJson(city.MapJson), city.Source, Created: false,
            await registry.CountAsync(RegistryKinds.Household, cancellationToken),
            await registry.CountAsync(RegistryKinds.Resident, cancellationToken),
            clock.Elapsed);
    }

    private static string SourceOf(CityOptions options) =>
        options.GeoJson is null ? $"demo:{options.DemoSeed}" : Path.GetFullPath(options.GeoJson);

    private static (CityMap Map, IEnumerable<RegistryRecord> Records, long Households, long Residents) Demo(CityOptions options)
    {
        var demo = DemoCityGenerator.Generate(new DemoCityOptions { Seed = options.DemoSeed, CellSizeMeters = options.CellSizeMeters });
        var cellOfHousehold = demo.Households.ToDictionary(h => h.Id, h => h.CellCode, StringComparer.Ordinal);
        var records = demo.Households.Select(RegisterRecords.Household)
            .Concat(demo.Residents.Select(r => RegisterRecords.Resident(r, cellOfHousehold[r.HouseholdId])));
        return (demo.Map, records, demo.Households.Count, demo.Residents.Count);
    }

    private static (CityMap Map, IEnumerable<RegistryRecord> Records, long Households, long Residents) FromFile(CityOptions options)
    {
        var result = GeoJsonCityReader.Read(options.GeoJson!, new GeoJsonCityOptions
        {
            CodeProperty = options.CodeProperty,
            CellSizeMeters = options.CellSizeMeters,
            CityName = options.Name,
        });
        return (result.Map, [], 0, 0);
    }
}
