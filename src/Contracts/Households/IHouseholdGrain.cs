namespace Governance.Contracts.Households;

/// <summary>One household, keyed <c>hh:&lt;household id&gt;</c>, seeded from the city register on first activation.</summary>
[Alias("IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>The household, or null when the register has no such household.</summary>
    [Alias("Get")]
    Task<HouseholdDetails?> GetAsync();

    /// <summary>The record with its version, or null when there is no such household.</summary>
    [Alias("GetFile")]
    Task<HouseholdFile?> GetFileAsync();

    /// <summary>Registers the household, without members: AlreadyExists when there is one.</summary>
    [Alias("Create")]
    Task<Records.RecordWriteResult> CreateAsync(HouseholdDetails details);

    /// <summary>Replaces the profile, keeping the members, when <paramref name="version"/> is current (Stale otherwise).</summary>
    [Alias("Update")]
    Task<Records.RecordWriteResult> UpdateAsync(HouseholdDetails details, long version);

    /// <summary>Adds a member; the household's cell, or null when there is no such household. Adding one twice changes nothing.</summary>
    [Alias("Join")]
    Task<string?> JoinAsync(string residentId);

    /// <summary>Removes a member; removing one that is not there changes nothing.</summary>
    [Alias("Leave")]
    Task LeaveAsync(string residentId);
}
