namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>Note grain type whose state is stored under "alpha-note".</summary>
[Alias("Governance.Silo.Tests.Storage.IAlphaNoteGrain")]
public interface IAlphaNoteGrain : INoteGrain;
