using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Grains.Routing;

/// <summary>
/// Which department handles which category of case, from a rules file read at start (<see cref="Load"/>; the demo
/// city's set is built in, <see cref="Demo"/>). A category matches its exact code, else the longest <c>prefix.*</c>
/// rule, else the default department. A file that names a department it does not list is refused whole.
/// </summary>
public sealed class RoutingRules
{
    private const string DemoResource = "Governance.Grains.Routing.demo-routing.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly FrozenDictionary<string, string> _exact;
    private readonly (string Prefix, string Department)[] _prefixes;

    private RoutingRules(FrozenDictionary<string, string> departments, string defaultDepartment, FrozenDictionary<string, string> exact, (string, string)[] prefixes)
    {
        Departments = departments;
        DefaultDepartment = defaultDepartment;
        _exact = exact;
        _prefixes = prefixes;
    }

    /// <summary>Department names by code.</summary>
    public FrozenDictionary<string, string> Departments { get; }

    public string DefaultDepartment { get; }

    /// <summary>The department that handles <paramref name="category"/>.</summary>
    public string Route(string category)
    {
        if (_exact.TryGetValue(category, out var department))
        {
            return department;
        }

        foreach (var (prefix, byPrefix) in _prefixes)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
            {
                return byPrefix;
            }
        }

        return DefaultDepartment;
    }

    /// <summary>The rules built into this version for the demo city.</summary>
    public static RoutingRules Demo()
    {
        using var stream = typeof(RoutingRules).Assembly.GetManifestResourceStream(DemoResource)
            ?? throw new InvalidOperationException($"The built-in routing rules ({DemoResource}) are missing from the assembly.");
        return Parse(stream, "the built-in demo routing rules");
    }

    /// <summary>Reads a rules file; its errors name the file and the entry.</summary>
    /// <exception cref="InvalidDataException">The file is not valid rules.</exception>
    public static RoutingRules Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Routing:RulesFile: '{path}' does not exist.");
        }

        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    private static RoutingRules Parse(Stream stream, string source)
    {
        RulesFile file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(stream, Json) ?? throw new InvalidDataException($"{source}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid routing rules: {ex.Message}", ex);
        }

        var problems = new List<string>();
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Departments.Count; i++)
        {
            var department = file.Departments[i];
            if (string.IsNullOrWhiteSpace(department.Code) || !departments.TryAdd(department.Code, department.Name ?? department.Code))
            {
                problems.Add($"departments[{i}].code: '{department.Code}' is empty or listed twice");
            }
        }

        if (!departments.ContainsKey(file.Default ?? ""))
        {
            problems.Add($"default: '{file.Default}' is not a listed department");
        }

        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var rule = file.Rules[i];
            if (!departments.ContainsKey(rule.Department ?? ""))
            {
                problems.Add($"rules[{i}].department: '{rule.Department}' is not a listed department");
            }

            var category = rule.Category ?? "";
            var added = category.EndsWith(".*", StringComparison.Ordinal) && category.Length > 2
                ? prefixes.TryAdd(category[..^1], rule.Department ?? "")
                : category.Length > 0 && !category.Contains('*', StringComparison.Ordinal) && exact.TryAdd(category, rule.Department ?? "");
            if (!added)
            {
                problems.Add($"rules[{i}].category: '{category}' is empty, listed twice, or has a '*' other than a final '.*'");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", problems)}.");
        }

        return new RoutingRules(
            departments.ToFrozenDictionary(StringComparer.Ordinal),
            file.Default!,
            exact.ToFrozenDictionary(StringComparer.Ordinal),
            [.. prefixes.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value))]);
    }

    private sealed class RulesFile
    {
        public List<DepartmentEntry> Departments { get; set; } = [];

        public string? Default { get; set; }

        public List<RuleEntry> Rules { get; set; } = [];
    }

    private sealed class DepartmentEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }
    }

    private sealed class RuleEntry
    {
        public string? Category { get; set; }

        public string? Department { get; set; }
    }
}
