namespace Governance.Contracts.Households;

/// <summary>One household, keyed <c>hh:&lt;household id&gt;</c>, seeded from the city register on first activation.</summary>
[Alias("IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>The household as stored, or null when there is none; its members as the register seeded them (see <see cref="GetFileAsync"/>).</summary>
    [Alias("Get")]
    Task<HouseholdDetails?> GetAsync();

    /// <summary>The record with its version and its members (the residents whose files name it), or null when there is no such household.</summary>
    [Alias("GetFile")]
    Task<HouseholdFile?> GetFileAsync();

    /// <summary>Registers the household, without members: AlreadyExists when there is one.</summary>
    [Alias("Create")]
    Task<Records.RecordWriteResult> CreateAsync(HouseholdDetails details);

    /// <summary>Replaces the profile, keeping the members, when <paramref name="version"/> is current (Stale otherwise).</summary>
    [Alias("Update")]
    Task<Records.RecordWriteResult> UpdateAsync(HouseholdDetails details, long version);

}
