using Governance.City.Map;

namespace Governance.Silo.Cities;

/// <summary>The city the silo serves and what starting it took.</summary>
/// <param name="Map">The city map.</param>
/// <param name="Source">Where it came from: "demo:&lt;seed&gt;" or a file path.</param>
/// <param name="Created">True when this start generated or imported it; false when it was loaded from the store.</param>
/// <param name="Households">Households in the register.</param>
/// <param name="Residents">Residents in the register.</param>
/// <param name="Elapsed">How long loading or creating took.</param>
public sealed record CityLoadResult(CityMap Map, string Source, bool Created, long Households, long Residents, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{(Created ? "created" : "loaded")} city '{Map.Name}' from {Source}: {Map.Areas.Count} areas, {Map.Cells.Count} cells of {Map.CellSizeMeters} m, " +
        $"{Households} households, {Residents} residents ({Elapsed.TotalSeconds:0.0} s)";
}
