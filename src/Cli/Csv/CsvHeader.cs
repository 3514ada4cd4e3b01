namespace Governance.Cli.Csv;

/// <summary>The column names of a CSV file (its first record), looked up without regard to case or padding.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _duplicates = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!_indexByName.TryAdd(name, i))
            {
                _duplicates.Add(name);
            }
        }
    }

    /// <summary>The names as the file writes them, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many fields every record should have.</summary>
    public int Count => Names.Count;

    /// <summary>The index of <paramref name="name"/>; false when no column, or more than one, has that name.</summary>
    public bool TryGetIndex(string name, out int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        index = -1;
        return !_duplicates.Contains(name.Trim()) && _indexByName.TryGetValue(name.Trim(), out index);
    }

    /// <summary>Whether more than one column has <paramref name="name"/>, so a lookup by name would be a guess.</summary>
    public bool IsAmbiguous(string name) => _duplicates.Contains(name.Trim());
}
