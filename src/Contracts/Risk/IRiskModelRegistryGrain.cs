namespace Governance.Contracts.Risk;

/// <summary>The model registry from any silo: register, list, promote, roll back. A stateless worker. Key it 0.</summary>
[Alias("IRiskModelRegistryGrain")]
public interface IRiskModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the file (it must load as a flood model of this platform's features) and stores it; never promotes.</summary>
    [Alias("Register")]
    Task<RiskModelOutcome> RegisterAsync(RiskModelUpload upload, byte[] file);

    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<RiskModelList> ListAsync();

    /// <summary>Makes the version the active one; this silo swaps to it before answering.</summary>
    [Alias("Promote")]
    Task<RiskModelOutcome> PromoteAsync(long version, string promotedBy);

    /// <summary>Promotes again the version promoted before the active one.</summary>
    [Alias("Rollback")]
    Task<RiskModelOutcome> RollbackAsync(string promotedBy);
}
