namespace Governance.Grains.Storage;

/// <summary>The kinds of record in the city register.</summary>
public static class RegistryKinds
{
    /// <summary>The city map itself (one record, id <see cref="CurrentCity"/>).</summary>
    public const string City = "city";

    public const string Household = "household";

    public const string Resident = "resident";

    /// <summary>The id of the city record.</summary>
    public const string CurrentCity = "current";
}
