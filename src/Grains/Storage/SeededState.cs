namespace Governance.Grains.Storage;

/// <summary>The stored state of a grain seeded from the city register: empty until the grain first changes it.</summary>
public sealed class SeededState<T>
    where T : class
{
    public T? Value { get; set; }
}
