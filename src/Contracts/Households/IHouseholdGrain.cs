namespace Governance.Contracts.Households;

/// <summary>One household, keyed <c>hh:&lt;household id&gt;</c>, seeded from the city register on first activation.</summary>
[Alias("IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>The household, or null when the register has no such household.</summary>
    [Alias("Get")]
    Task<HouseholdDetails?> GetAsync();
}
