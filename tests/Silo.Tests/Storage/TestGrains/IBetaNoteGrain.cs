namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>Note grain type whose state is stored under "beta-note".</summary>
[Alias("Governance.Silo.Tests.Storage.IBetaNoteGrain")]
public interface IBetaNoteGrain : INoteGrain;
