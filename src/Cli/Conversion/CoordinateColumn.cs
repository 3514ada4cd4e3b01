using System.Globalization;
using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>One coordinate column of a <see cref="PointRule"/>.</summary>
internal sealed record CoordinateColumn(string Field, int Column, string ColumnName)
{
    public static CoordinateColumn Compile(string key, string field, ColumnSpec? spec, MappingProblems problems)
    {
        if (spec is null)
        {
            problems.Add($"{key} is required");
            return new CoordinateColumn(field, -1, string.Empty);
        }

        return new CoordinateColumn(field, problems.RequireColumn(key, spec.Column), spec.Column ?? string.Empty);
    }

    public double? Read(CsvRecord record, List<FieldViolation> violations)
    {
        var text = record.Fields[Column].Trim();
        if (text.Length == 0)
        {
            violations.Add(new FieldViolation(Field, $"column '{ColumnName}' is empty"));
            return null;
        }

        // Float rather than Any: no thousands separators, which would turn "42,36" into 4236.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            violations.Add(new FieldViolation(Field, "is not a number", text));
            return null;
        }

        return value;
    }
}
