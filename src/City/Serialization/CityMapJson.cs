using Governance.City.Map;

namespace Governance.City.Serialization;

/// <summary>The stored form of a <see cref="CityMap"/>: see <see cref="CityMapJsonNames"/> for its shape.</summary>
internal static class CityMapJson
{
    public static string Serialize(CityMap map) => CityMapJsonWriter.Write(map);

    public static CityMap Deserialize(string json) => CityMapJsonReader.Read(json);
}
