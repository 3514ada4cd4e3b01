namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>Note grain type whose state is stored under "shared-note".</summary>
[Alias("Governance.Silo.Tests.Storage.ISharedNameSecondGrain")]
public interface ISharedNameSecondGrain : INoteGrain;
