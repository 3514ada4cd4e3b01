namespace Governance.Grains.Cells;

/// <summary>
/// Keys changed since they were last stored, each with the stamp of its latest change. A store takes a snapshot before it
/// writes and, once written, drops only the keys that did not change again meanwhile, so writes may overlap and a change
/// made while one waited is carried by the next.
/// </summary>
internal sealed class ChangeStamps
{
    private readonly Dictionary<string, long> _latest = new(StringComparer.Ordinal);
    private long _stamp;

    public int Count => _latest.Count;

    public bool Contains(string key) => _latest.ContainsKey(key);

    public void Changed(string key) => _latest[key] = ++_stamp;

    /// <summary>The keys changed so far, with their stamps: what a store about to write must cover.</summary>
    public KeyValuePair<string, long>[] Snapshot() => [.. _latest];

    /// <summary>Drops the keys of the snapshot that have not changed since it was taken: they are stored now.</summary>
    public void Stored(KeyValuePair<string, long>[] snapshot)
    {
        foreach (var (key, stamp) in snapshot)
        {
            if (_latest.TryGetValue(key, out var latest) && latest == stamp)
            {
                _latest.Remove(key);
            }
        }
    }
}
