using System.Globalization;
using System.Text;
using Governance.City.Map;
using Governance.City.Population;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;

namespace Governance.Import.Bench;

/// <summary>
/// Made-up households and residents of the demo city, the same every run: households at the centres of the city's
/// cells, 2.5 residents each on average, every fifth resident elderly with a weekly health check. Written as the two
/// CSV files `governance import` reads, and kept as records for the store-only baseline.
/// </summary>
internal sealed class PeopleFiles
{
    private PeopleFiles(List<HouseholdDetails> households, List<ResidentDetails> residents)
    {
        Households = households;
        Residents = residents;
    }

    public List<HouseholdDetails> Households { get; }

    public List<ResidentDetails> Residents { get; }

    public static PeopleFiles Make(CityMap city, int residentCount)
    {
        // Cells whose centre lies in them, so every household's point locates to its cell.
        var cells = city.Cells.Where(cell => city.Locate(cell.Centroid.Latitude, cell.Centroid.Longitude)?.Code == cell.Code).ToList();
        var random = new Random(5);
        var households = new List<HouseholdDetails>();
        var residents = new List<ResidentDetails>(residentCount);
        var birth = new DateOnly(1930, 1, 1);
        var sequence = 0;
        while (residents.Count < residentCount)
        {
            var cell = cells[households.Count % cells.Count];
            var id = $"hb{households.Count:D7}";
            households.Add(new HouseholdDetails(id, cell.Code, $"{households.Count % 300 + 1} Bench Road, building {households.Count / 300}",
                new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), 10 + random.Next(40), 1 + random.Next(6), 6, "brick-concrete", 1960 + random.Next(60), false, []));
            var members = Math.Min(1 + random.Next(4), residentCount - residents.Count);
            for (var m = 0; m < members; m++)
            {
                // Unique ID numbers: 500 a day per sex, in a region code no demo resident has.
                if (++sequence == 500)
                {
                    (sequence, birth) = (0, birth.AddDays(1));
                }

                var elderly = residents.Count % 5 == 0;
                residents.Add(new ResidentDetails($"rb{residents.Count:D8}", id, $"Bench Resident {residents.Count}", "female", birth,
                    ResidentIdNumber.Create("650199", birth, sequence, Gender.Female), "", m == 0 ? "head" : "child", elderly ? ["elderly-alone"] : [])
                {
                    ServiceNeeds = elderly ? [new ServiceNeedInfo("health check", ServiceCadenceKind.Weekly)] : [],
                });
            }
        }

        return new PeopleFiles(households, residents);
    }

    public async Task WriteAsync(string householdsPath, string residentsPath)
    {
        await using (var writer = new StreamWriter(householdsPath, false, Encoding.UTF8, 1 << 16))
        {
            await writer.WriteLineAsync("household_id,address,latitude,longitude,elevation_meters,storey,building_storeys,construction,built_year,dilapidated");
            foreach (var h in Households)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{h.HouseholdId},\"{h.Address}\",{h.Location.Latitude:R},{h.Location.Longitude:R},{h.ElevationMeters:R},{h.Storey},{h.BuildingStoreys},{h.Construction},{h.BuiltYear},false"));
            }
        }

        await using (var writer = new StreamWriter(residentsPath, false, Encoding.UTF8, 1 << 16))
        {
            await writer.WriteLineAsync("resident_id,household_id,name,id_number,phone,relation_to_head,tags,service_needs");
            foreach (var r in Residents)
            {
                var needs = string.Join(';', r.ServiceNeeds.Select(n => $"{n.Kind}:{n.Cadence.ToString().ToLowerInvariant()}"));
                await writer.WriteLineAsync($"{r.ResidentId},{r.HouseholdId},{r.Name},{r.IdNumber},,{r.RelationToHead},{string.Join(';', r.Tags)},{needs}");
            }
        }
    }
}
