namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>Note grain type stored in the group-commit store "live".</summary>
[Alias("Governance.Silo.Tests.Storage.ILiveNoteGrain")]
public interface ILiveNoteGrain : INoteGrain;
