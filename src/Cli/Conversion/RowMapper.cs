using Governance.Cli.Csv;
using Governance.Cli.Mapping;
using Governance.Contracts.V1;

namespace Governance.Cli.Conversion;

/// <summary>
/// A mapping file compiled against one CSV header: turns each record into a ReportRequest, or into the reasons it
/// cannot be one. Every field is tried, so a row with two problems names both.
/// </summary>
public sealed class RowMapper
{
    // The contract's limits (intake.proto) for the fields this tool composes from several columns.
    private const int DescriptionMaxLength = 2000;
    private const int ReporterIdMaxLength = 128;
    private const string KindPrefix = "CASE_KIND_";

    private readonly CsvHeader _header;
    private readonly ExternalIdRule _externalId;
    private readonly CategoryRule _category;
    private readonly TextRule _description;
    private readonly PointRule _point;
    private readonly ReportedAtRule _reportedAt;
    private readonly TextRule _reporterId;
    private readonly SourceRule _source;
    private readonly CaseKind _kind;

    private RowMapper(CsvHeader header, MappingFile mapping, MappingProblems problems)
    {
        _header = header;
        _externalId = ExternalIdRule.Compile(mapping.ExternalId, problems);
        _category = CategoryRule.Compile(mapping.Category, problems);
        _description = TextRule.Compile("description", ReportFields.Description, mapping.Description, DescriptionMaxLength, problems);
        _point = PointRule.Compile(mapping.Latitude, mapping.Longitude, problems);
        _reportedAt = ReportedAtRule.Compile(mapping.ReportedAt, problems);
        _reporterId = TextRule.Compile("reporterId", ReportFields.ReporterId, mapping.ReporterId, ReporterIdMaxLength, problems);
        _source = SourceRule.Compile(mapping.Source, problems);
        _kind = KindOf(mapping.Kind, problems);
    }

    // The kind every row opens, by its name in the contract with or without the CASE_KIND_ prefix.
    private static CaseKind KindOf(string? name, MappingProblems problems)
    {
        if (name is null)
        {
            return CaseKind.Incident;
        }

        var kinds = Enum.GetValues<CaseKind>().Where(kind => kind != CaseKind.Unspecified)
            .ToDictionary(kind => Cases.CaseTables.Short(kind.ToString(), KindPrefix, (int)kind, typeof(CaseKind)), StringComparer.OrdinalIgnoreCase);
        var key = name.Trim();
        if (kinds.TryGetValue(key.StartsWith(KindPrefix, StringComparison.OrdinalIgnoreCase) ? key[KindPrefix.Length..] : key, out var found))
        {
            return found;
        }

        problems.Add($"kind: '{name}' is not a kind of case; one of {string.Join(", ", kinds.Keys)}");
        return CaseKind.Incident;
    }

    /// <summary>Compiles <paramref name="mapping"/> for a CSV with <paramref name="header"/>.</summary>
    /// <exception cref="MappingException">Listing every column the mapping names that the CSV lacks, and every bad value.</exception>
    public static RowMapper Create(MappingFile mapping, CsvHeader header, string mappingName = "")
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(header);
        var problems = new MappingProblems(header);
        var mapper = new RowMapper(header, mapping, problems);
        problems.ThrowIfAny(mappingName);
        return mapper;
    }

    public MappedRow Map(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Fields.Count != _header.Count)
        {
            var violation = new FieldViolation(ReportFields.Row, $"has {record.Fields.Count} fields where the header has {_header.Count}");
            return new MappedRow(record.LineNumber, string.Empty, null, [violation]);
        }

        var violations = new List<FieldViolation>();
        var externalId = _externalId.Apply(record, violations);
        var source = _source.Apply(record, violations);
        var category = _category.Apply(record, violations);
        var description = _description.Apply(record, violations);
        var point = _point.Apply(record, violations);
        var reportedAt = _reportedAt.Apply(record, violations);
        var reporterId = _reporterId.Apply(record, violations);
        if (violations.Count > 0)
        {
            return new MappedRow(record.LineNumber, externalId, null, violations);
        }

        var request = new ReportRequest
        {
            ExternalId = externalId,
            Source = source,
            Category = category,
            Description = description,
            Point = point,
            ReportedAt = reportedAt,
            ReporterId = reporterId,
            Kind = _kind,
        };
        return new MappedRow(record.LineNumber, externalId, request, []);
    }
}
