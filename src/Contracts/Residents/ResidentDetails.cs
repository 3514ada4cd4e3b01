using System.Collections.Immutable;

namespace Governance.Contracts.Residents;

/// <summary>A resident's file (一人一档): identity, household and special-group tags. Holds personal data.</summary>
/// <param name="ResidentId">The resident id (without the grain key prefix).</param>
/// <param name="HouseholdId">The household the resident belongs to.</param>
/// <param name="Name">Full name.</param>
/// <param name="Gender">"female" or "male".</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="IdNumber">18-digit resident identity number.</param>
/// <param name="Phone">Mobile number; empty when none.</param>
/// <param name="RelationToHead">Relation to the household head ("head", "spouse", "child", "parent", …).</param>
/// <param name="Tags">Special groups: elderly-alone, low-income, five-guarantee, disabled, left-behind-child, …</param>
[GenerateSerializer, Immutable, Alias("ResidentDetails")]
public sealed record class ResidentDetails(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string HouseholdId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Gender,
    [property: Id(4)] DateOnly BirthDate,
    [property: Id(5)] string IdNumber,
    [property: Id(6)] string Phone,
    [property: Id(7)] string RelationToHead,
    [property: Id(8)] ImmutableArray<string> Tags)
{
    /// <summary>Health notes for those who care for the resident.</summary>
    [Id(9)]
    public string HealthNotes { get; init; } = "";

    /// <summary>Care the resident needs, and how often.</summary>
    [Id(10)]
    public ImmutableArray<ServiceNeedInfo> ServiceNeeds { get; init; } = [];

    /// <summary>Whom to call for the resident.</summary>
    [Id(11)]
    public ImmutableArray<EmergencyContactInfo> EmergencyContacts { get; init; } = [];

    /// <summary>The visits made to the resident, oldest first (the latest <see cref="VisitRecord.Kept"/>).</summary>
    [Id(12)]
    public ImmutableArray<VisitRecord> ServiceHistory { get; init; } = [];
}

/// <summary>How often a need is served: the cadence a grid worker's visits follow.</summary>
[GenerateSerializer, Alias("ServiceCadenceKind")]
public enum ServiceCadenceKind
{
    /// <summary>A daily check (每日探视).</summary>
    Daily = 1,

    Weekly = 2,

    Monthly = 3,
}

/// <summary>A service a resident needs (a health check, meal delivery), and how often.</summary>
[GenerateSerializer, Immutable, Alias("ServiceNeedInfo")]
public sealed record class ServiceNeedInfo([property: Id(0)] string Kind, [property: Id(1)] ServiceCadenceKind Cadence)
{
    /// <summary>When the need was first on file: its first visit is due then. Set by the file, not by a caller.</summary>
    [Id(2)]
    public DateTimeOffset? Since { get; init; }
}

/// <summary>Someone to call for a resident.</summary>
[GenerateSerializer, Immutable, Alias("EmergencyContactInfo")]
public sealed record class EmergencyContactInfo([property: Id(0)] string Name, [property: Id(1)] string Relation, [property: Id(2)] string Phone);
