using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>A text field from a template or a fixed value, cut to the contract's limit rather than losing the report.</summary>
internal sealed class TextRule(string field, TextTemplate? template, string? value, int maxLength)
{
    public static TextRule Compile(string key, string field, TextSpec? spec, int maxLength, MappingProblems problems)
    {
        if (spec is null || (spec.Template is null) == (spec.Value is null))
        {
            problems.Add($"{key}: give either 'template' or 'value'");
            return new TextRule(field, null, "-", maxLength);
        }

        if (spec.Value is not null && string.IsNullOrWhiteSpace(spec.Value))
        {
            problems.Add($"{key}: 'value' is empty");
        }

        var template = spec.Template is null ? null : TextTemplate.Parse(key, spec.Template, problems);
        return new TextRule(field, template, spec.Value?.Trim(), maxLength);
    }

    /// <summary>The text, or empty with a violation when the template renders nothing.</summary>
    public string Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var text = template?.Render(record) ?? value!;
        if (text.Length == 0)
        {
            violations.Add(new FieldViolation(field, "is empty: every column of its template is empty"));
            return text;
        }

        return FieldText.Truncate(text, maxLength);
    }
}
