using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>Everything wrong with a mapping for a given CSV, gathered so the user fixes the file in one go.</summary>
public sealed class MappingProblems(CsvHeader header)
{
    private readonly List<string> _problems = [];

    public CsvHeader Header { get; } = header;

    public void Add(string problem) => _problems.Add(problem);

    /// <summary>The index of the column <paramref name="key"/> names; -1 with a problem added when it is missing or unknown.</summary>
    public int RequireColumn(string key, string? column)
    {
        if (string.IsNullOrWhiteSpace(column))
        {
            Add($"{key}: 'column' is required");
            return -1;
        }

        if (Header.TryGetIndex(column, out var index))
        {
            return index;
        }

        Add(Header.IsAmbiguous(column)
            ? $"{key}: more than one column is named '{column}'"
            : $"{key}: the CSV has no column '{column}'");
        return -1;
    }

    /// <summary>Throws a <see cref="MappingException"/> listing every problem, if there is any.</summary>
    public void ThrowIfAny(string mappingName)
    {
        if (_problems.Count == 0)
        {
            return;
        }

        var columns = string.Join(", ", Header.Names.Where(n => n.Length > 0));
        throw new MappingException(
            $"The mapping {mappingName} does not fit this CSV:{Environment.NewLine}  - "
            + string.Join($"{Environment.NewLine}  - ", _problems)
            + $"{Environment.NewLine}The CSV's columns are: {columns}");
    }
}
