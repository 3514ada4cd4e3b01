using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Contracts.Deadlines;

namespace Governance.Grains.Routing;

/// <summary>
/// Which department handles which category of case, and in how long, from a rules file read at start
/// (<see cref="Load"/>; the demo city's set is built in, <see cref="Demo"/>). A category matches its exact code, else
/// the longest <c>prefix.*</c> rule, else the defaults. A rule's deadline is a kind (immediate, committed, coordinated)
/// with that kind's limit unless it gives its own. A file with any entry in error is refused whole.
/// </summary>
public sealed class RoutingRules
{
    private const string DemoResource = "Governance.Grains.Routing.demo-routing.json";

    /// <summary>The limits of each kind of deadline a file does not set.</summary>
    private static readonly FrozenDictionary<DeadlineKind, TimeSpan> BuiltInLimits = new Dictionary<DeadlineKind, TimeSpan>
    {
        [DeadlineKind.Immediate] = TimeSpan.FromHours(2),
        [DeadlineKind.Committed] = TimeSpan.FromDays(3),
        [DeadlineKind.Coordinated] = TimeSpan.FromDays(10),
    }.ToFrozenDictionary();

    private static readonly List<string> BuiltInEscalation = ["the department's head", "the city supervision and command centre"];

    /// <summary>A dispute's levels of mediation have this long each when a file names no limits of its own.</summary>
    private static readonly TimeSpan[] BuiltInMediationLimits = [TimeSpan.FromDays(3), TimeSpan.FromDays(15), TimeSpan.FromDays(30)];

    /// <summary>How many levels a dispute's mediation has: grid worker, community committee, street centre.</summary>
    public const int MediationLevels = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly CategoryRule _fallback;
    private readonly FrozenDictionary<string, CategoryRule> _exact;
    private readonly (string Prefix, CategoryRule Rule)[] _prefixes;

    private RoutingRules(
        FrozenDictionary<string, string> departments,
        CategoryRule fallback,
        FrozenDictionary<string, CategoryRule> exact,
        (string, CategoryRule)[] prefixes,
        ImmutableArray<string> escalation,
        ImmutableArray<(string Department, DeadlineRule Deadline)> mediation,
        WelfareRules welfare)
    {
        Mediation = mediation;
        Welfare = welfare;
        Departments = departments;
        _fallback = fallback;
        _exact = exact;
        _prefixes = prefixes;
        Escalation = escalation;
    }

    /// <summary>Department names by code.</summary>
    public FrozenDictionary<string, string> Departments { get; }

    public string DefaultDepartment => _fallback.Department;

    /// <summary>Who an overdue case is escalated to: the first when it falls due, the next after each further limit.</summary>
    public ImmutableArray<string> Escalation { get; }

    /// <summary>A dispute's levels of mediation, lowest first: the department that mediates, and its time to settle.</summary>
    public ImmutableArray<(string Department, DeadlineRule Deadline)> Mediation { get; }

    /// <summary>How a welfare application goes: its documents, checks, reviews and notice.</summary>
    public WelfareRules Welfare { get; }

    /// <summary>The department that handles <paramref name="category"/>.</summary>
    public string Route(string category) => Match(category).Department;

    /// <summary>The handling time <paramref name="category"/> is given from its dispatch.</summary>
    public DeadlineRule Deadline(string category) => Match(category).Deadline;

    private CategoryRule Match(string category)
    {
        if (_exact.TryGetValue(category, out var rule))
        {
            return rule;
        }

        foreach (var (prefix, byPrefix) in _prefixes)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
            {
                return byPrefix;
            }
        }

        return _fallback;
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
        RoutingRulesFile file;
        try
        {
            file = JsonSerializer.Deserialize<RoutingRulesFile>(stream, Json) ?? throw new InvalidDataException($"{source}: the file is empty.");
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

        var limits = new Dictionary<DeadlineKind, TimeSpan>(BuiltInLimits);
        foreach (var (kindName, limitText) in file.Deadlines)
        {
            if (ParseKind(kindName) is not { } kind)
            {
                problems.Add($"deadlines.{kindName}: not a kind of deadline; one of {KindNames}");
            }
            else if (DurationText.Parse(limitText) is { } limit)
            {
                limits[kind] = limit;
            }
            else
            {
                problems.Add($"deadlines.{kindName}: '{limitText}' is not a duration such as 90m, 4h or 3d");
            }
        }

        var defaultKind = file.DefaultDeadline is null ? DeadlineKind.Committed : ParseKind(file.DefaultDeadline);
        if (defaultKind is null)
        {
            problems.Add($"defaultDeadline: '{file.DefaultDeadline}' is not a kind of deadline; one of {KindNames}");
        }

        var escalation = file.Escalation ?? BuiltInEscalation;
        if (escalation.Count == 0 || escalation.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("escalation: list at least one level, none of them empty");
        }

        var exact = new Dictionary<string, CategoryRule>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, CategoryRule>(StringComparer.Ordinal);
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var rule = file.Rules[i];
            if (!departments.ContainsKey(rule.Department ?? ""))
            {
                problems.Add($"rules[{i}].department: '{rule.Department}' is not a listed department");
            }

            var kind = rule.Deadline is null ? defaultKind ?? DeadlineKind.Committed : ParseKind(rule.Deadline);
            if (kind is null)
            {
                problems.Add($"rules[{i}].deadline: '{rule.Deadline}' is not a kind of deadline; one of {KindNames}");
            }

            var limit = rule.Limit is null ? null : DurationText.Parse(rule.Limit);
            if (rule.Limit is not null && limit is null)
            {
                problems.Add($"rules[{i}].limit: '{rule.Limit}' is not a duration such as 90m, 4h or 3d");
            }

            var resolved = new CategoryRule(rule.Department ?? "", new DeadlineRule(kind ?? DeadlineKind.Committed, limit ?? limits[kind ?? DeadlineKind.Committed]));
            var category = rule.Category ?? "";
            var added = category.EndsWith(".*", StringComparison.Ordinal) && category.Length > 2
                ? prefixes.TryAdd(category[..^1], resolved)
                : category.Length > 0 && !category.Contains('*', StringComparison.Ordinal) && exact.TryAdd(category, resolved);
            if (!added)
            {
                problems.Add($"rules[{i}].category: '{category}' is empty, listed twice, or has a '*' other than a final '.*'");
            }
        }

        var mediation = new List<(string, DeadlineRule)>();
        if (file.Mediation is { } levels)
        {
            if (levels.Count != MediationLevels)
            {
                problems.Add($"mediation: list {MediationLevels} levels (grid worker, community committee, street centre), not {levels.Count}");
            }

            for (var i = 0; i < levels.Count; i++)
            {
                if (!departments.ContainsKey(levels[i].Department ?? ""))
                {
                    problems.Add($"mediation[{i}].department: '{levels[i].Department}' is not a listed department");
                }

                var limit = DurationText.Parse(levels[i].Limit);
                if (limit is null)
                {
                    problems.Add($"mediation[{i}].limit: '{levels[i].Limit}' is not a duration such as 90m, 4h or 3d");
                }

                mediation.Add((levels[i].Department ?? "", new DeadlineRule(DeadlineKind.Coordinated, limit ?? TimeSpan.FromDays(1))));
            }
        }
        else
        {
            // No levels named: the default department mediates at each.
            mediation.AddRange(BuiltInMediationLimits.Select(limit => (file.Default ?? "", new DeadlineRule(DeadlineKind.Coordinated, limit))));
        }

        var welfare = WelfareRules.Resolve(file.Welfare, departments, file.Default ?? "", problems);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", problems)}.");
        }

        var fallback = new CategoryRule(file.Default!, new DeadlineRule(defaultKind!.Value, limits[defaultKind.Value]));
        return new RoutingRules(
            departments.ToFrozenDictionary(StringComparer.Ordinal),
            fallback,
            exact.ToFrozenDictionary(StringComparer.Ordinal),
            [.. prefixes.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value))],
            [.. escalation.Select(level => level.Trim())],
            [.. mediation],
            welfare);
    }

    private static DeadlineKind? ParseKind(string name) =>
        Enum.GetValues<DeadlineKind>().Cast<DeadlineKind?>().FirstOrDefault(kind => string.Equals(KindName(kind!.Value), name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A kind's name as a rules file and a client write it, e.g. "immediate".</summary>
    public static string KindName(DeadlineKind kind) => kind.ToString().ToLowerInvariant();

    private static string KindNames => string.Join(", ", Enum.GetValues<DeadlineKind>().Select(KindName));

    /// <summary>What a category is given: who handles it, and in how long.</summary>
    private sealed record CategoryRule(string Department, DeadlineRule Deadline);
}
