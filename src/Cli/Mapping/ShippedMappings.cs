namespace Governance.Cli.Mapping;

/// <summary>
/// The mapping files that ship with the tool (Mappings/*.json beside it), so `--map boston-311` works from any folder
/// without knowing where the tool is installed.
/// </summary>
public static class ShippedMappings
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Mappings");

    /// <summary>The names of the shipped mappings, without ".json".</summary>
    public static IReadOnlyList<string> Names =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary><paramref name="value"/> when it is a file; else the shipped mapping of that name; else null.</summary>
    public static string? Resolve(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (File.Exists(value))
        {
            return value;
        }

        if (value.Length == 0 || value.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
        {
            return null;
        }

        var shipped = Path.Combine(Folder, value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? value : value + ".json");
        return File.Exists(shipped) ? shipped : null;
    }
}
