using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>The category: the mapping's value table first, then the value's slug when slugifying is on.</summary>
internal sealed class CategoryRule
{
    private readonly int _column;
    private readonly string _columnName;
    private readonly Dictionary<string, string> _codes;
    private readonly bool _slugify;
    private readonly string? _default;

    private CategoryRule(int column, string columnName, Dictionary<string, string> codes, bool slugify, string? fallback)
    {
        _column = column;
        _columnName = columnName;
        _codes = codes;
        _slugify = slugify;
        _default = fallback;
    }

    public static CategoryRule Compile(CategorySpec? spec, MappingProblems problems)
    {
        if (spec is null)
        {
            problems.Add("category is required");
            return new CategoryRule(-1, string.Empty, [], slugify: false, fallback: null);
        }

        var column = problems.RequireColumn("category", spec.Column);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, code) in spec.Values)
        {
            if (!CategoryCodes.IsValid(code))
            {
                problems.Add($"category: '{code}' (for '{value}') is not a category code (1-64 of a-z, 0-9, '.', '_', '-')");
            }

            codes[FieldText.Clean(value)] = code;
        }

        if (spec.Default is not null && !CategoryCodes.IsValid(spec.Default))
        {
            problems.Add($"category: the default '{spec.Default}' is not a category code");
        }

        return new CategoryRule(column, spec.Column ?? string.Empty, codes, spec.Slugify, spec.Default);
    }

    /// <summary>The code, or empty with a violation.</summary>
    public string Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var value = FieldText.Clean(record.Fields[_column]);
        if (value.Length == 0)
        {
            return _default ?? Reject(violations, $"column '{_columnName}' is empty");
        }

        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        if (!_slugify)
        {
            return Reject(violations, "is not one of the mapping's values", value);
        }

        var slug = CategoryCodes.Slugify(value);
        return slug.Length > 0 ? slug : Reject(violations, "has no letter or digit to make a code of", value);
    }

    private static string Reject(List<FieldViolation> violations, string reason, string? value = null)
    {
        violations.Add(new FieldViolation(ReportFields.Category, reason, value));
        return string.Empty;
    }
}
