namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>Note grain type whose state is stored under "shared-note".</summary>
[Alias("Governance.Silo.Tests.Storage.ISharedNameFirstGrain")]
public interface ISharedNameFirstGrain : INoteGrain;
