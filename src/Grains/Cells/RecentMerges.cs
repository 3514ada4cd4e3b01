namespace Governance.Grains.Cells;

/// <summary>
/// Where the reports a cell merged lately went, until their links (which the cell sent to the report link store) are
/// stored: until then the store cannot answer a retry, so the cell does. Entries are kept by flush generation: a flush that began
/// after an entry was added, and succeeded, has stored its link, and the entry is dropped. So memory holds about one
/// checkpoint's worth of merges, however long the storm.
/// </summary>
internal sealed class RecentMerges
{
    private readonly Dictionary<string, (MergedReport Into, long Generation)> _byReport = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>True when no merge waits for its link to be stored.</summary>
    public bool IsEmpty => _byReport.Count == 0;

    public bool TryGet(string reportId, out MergedReport into)
    {
        var found = _byReport.TryGetValue(reportId, out var entry);
        into = entry.Into;
        return found;
    }

    public void Remember(string reportId, MergedReport into) => _byReport[reportId] = (into, _generation);

    /// <summary>Call as a flush begins; pass the result to <see cref="FlushSucceeded"/> once that flush has stored everything.</summary>
    public long FlushBegins() => _generation++;

    /// <summary>Drops what was remembered before the flush began: its links are stored now.</summary>
    public void FlushSucceeded(long generation)
    {
        foreach (var (reportId, entry) in _byReport)
        {
            if (entry.Generation <= generation)
            {
                _byReport.Remove(reportId);
            }
        }
    }
}
