using System.Text;
using Governance.Cli.Csv;

namespace Governance.Cli.Conversion;

/// <summary>
/// Text with <c>{column}</c> placeholders, filled from a CSV record with each value cleaned (<see cref="FieldText.Clean"/>);
/// <c>{{</c> and <c>}}</c> stand for literal braces. Columns are resolved once, against the header.
/// </summary>
public sealed class TextTemplate
{
    // A part is literal text (ColumnIndex -1) or a column's value.
    private readonly List<(string Literal, int ColumnIndex)> _parts;

    private TextTemplate(List<(string Literal, int ColumnIndex)> parts) => _parts = parts;

    /// <summary>Parses <paramref name="template"/>; a problem is added for each unknown column or unbalanced brace.</summary>
    public static TextTemplate Parse(string key, string template, MappingProblems problems)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(problems);
        var parts = new List<(string, int)>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    problems.Add($"{key}: the template has a '{{' at {i} that is never closed (write '{{{{' for a literal brace)");
                    break;
                }

                parts.Add((literal.ToString(), -1));
                literal.Clear();
                parts.Add((string.Empty, problems.RequireColumn(key, template[(i + 1)..close])));
                i = close;
            }
            else if (c == '}')
            {
                problems.Add($"{key}: the template has a '}}' at {i} that closes nothing (write '}}}}' for a literal brace)");
            }
            else
            {
                literal.Append(c);
            }
        }

        parts.Add((literal.ToString(), -1));
        return new TextTemplate(parts.Where(p => p.Item2 >= 0 || p.Item1.Length > 0).ToList());
    }

    /// <summary>The text for <paramref name="record"/>, trimmed.</summary>
    public string Render(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder();
        foreach (var (literal, column) in _parts)
        {
            text.Append(column < 0 ? literal : FieldText.Clean(record.Fields[column]));
        }

        return text.ToString().Trim();
    }
}
