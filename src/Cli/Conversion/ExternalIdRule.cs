using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>The external id: a column's value behind an optional prefix. Never shortened or altered: it is the row's identity.</summary>
internal sealed class ExternalIdRule(int column, string columnName, string prefix)
{
    public static ExternalIdRule Compile(ExternalIdSpec? spec, MappingProblems problems)
    {
        if (spec is null)
        {
            problems.Add("externalId is required");
            return new ExternalIdRule(-1, string.Empty, string.Empty);
        }

        return new ExternalIdRule(problems.RequireColumn("externalId", spec.Column), spec.Column ?? string.Empty, spec.Prefix);
    }

    /// <summary>The id, or empty with a violation when the column is empty.</summary>
    public string Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var value = record.Fields[column].Trim();
        if (value.Length == 0)
        {
            violations.Add(new FieldViolation(ReportFields.ExternalId, $"column '{columnName}' is empty"));
            return string.Empty;
        }

        return prefix + value;
    }
}
