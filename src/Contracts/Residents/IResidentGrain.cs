namespace Governance.Contracts.Residents;

/// <summary>One resident's file, keyed <c>res:&lt;resident id&gt;</c>, seeded from the city register on first activation.</summary>
[Alias("IResidentGrain")]
public interface IResidentGrain : IGrainWithStringKey
{
    /// <summary>The resident's file, or null when the register has no such resident.</summary>
    [Alias("Get")]
    Task<ResidentDetails?> GetAsync();
}
