namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A grain that persists one line of text; the test grains differ only in their state name.</summary>
[Alias("Governance.Silo.Tests.Storage.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    Task SetAsync(string text);

    Task<NoteSnapshot> GetAsync();

    Task ClearAsync();
}
