using Governance.Cli.Csv;
using Governance.Cli.Mapping;
using Governance.Contracts.V1;

namespace Governance.Cli.Conversion;

/// <summary>The source: the channel column through the mapping's table, else the default.</summary>
internal sealed class SourceRule(int column, Dictionary<string, ReportSource> sources, ReportSource? fallback)
{
    public static SourceRule Compile(SourceSpec? spec, MappingProblems problems)
    {
        if (spec is null)
        {
            problems.Add("source is required");
            return new SourceRule(-1, [], ReportSource.Unspecified);
        }

        var column = spec.Column is null ? -1 : problems.RequireColumn("source", spec.Column);
        var sources = new Dictionary<string, ReportSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, name) in spec.Values)
        {
            sources[FieldText.Clean(value)] = Parse(name, $"'{value}'", problems);
        }

        ReportSource? fallback = spec.Default is null ? null : Parse(spec.Default, "the default", problems);
        if (spec.Column is null && fallback is null)
        {
            problems.Add("source: give a 'column', a 'default', or both");
        }

        return new SourceRule(column, sources, fallback);
    }

    /// <summary>The source, or Unspecified with a violation when the value is unknown and there is no default.</summary>
    public ReportSource Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var value = column < 0 ? string.Empty : FieldText.Clean(record.Fields[column]);
        if (sources.TryGetValue(value, out var source))
        {
            return source;
        }

        if (fallback is { } known)
        {
            return known;
        }

        violations.Add(new FieldViolation(ReportFields.Source, "is not in the mapping's values, and it has no default", value));
        return ReportSource.Unspecified;
    }

    private static ReportSource Parse(string name, string what, MappingProblems problems)
    {
        if (ReportSourceNames.TryParse(name, out var source))
        {
            return source;
        }

        problems.Add($"source: {what} maps to '{name}', which is not one of {string.Join(", ", ReportSourceNames.Known)}");
        return ReportSource.Unspecified;
    }
}
