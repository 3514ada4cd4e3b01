using System.Collections.Immutable;
using Governance.Contracts.Households;

namespace Governance.Contracts.Residents;

/// <summary>One batch of a bulk import: households first, then residents (who may live in this batch's households).</summary>
[GenerateSerializer, Immutable, Alias("PeopleImportBatch")]
public sealed record class PeopleImportBatch(
    [property: Id(0)] ImmutableArray<HouseholdDetails> Households,
    [property: Id(1)] ImmutableArray<ResidentDetails> Residents);

/// <summary>What became of an imported record.</summary>
[GenerateSerializer, Alias("ImportOutcomeKind")]
public enum ImportOutcomeKind
{
    Created = 1,

    /// <summary>On file with the same values: nothing changed.</summary>
    Unchanged = 2,

    /// <summary>Not stored, for the field and reason given.</summary>
    Rejected = 3,
}

/// <summary>One record's outcome; for a rejection, the field at fault and why.</summary>
[GenerateSerializer, Immutable, Alias("ImportResult")]
public sealed record class ImportResult(
    [property: Id(0)] ImportOutcomeKind Outcome,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason)
{
    public static ImportResult Created { get; } = new(ImportOutcomeKind.Created, "", "");

    public static ImportResult Unchanged { get; } = new(ImportOutcomeKind.Unchanged, "", "");
}

/// <summary>Bulk imports into the register and the people index; a stateless worker, key 0.</summary>
[Alias("IPeopleImportGrain")]
public interface IPeopleImportGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a batch in one transaction; answers the households' outcomes, then the residents', in order.</summary>
    [Alias("Import")]
    Task<ImmutableArray<ImportResult>> ImportAsync(PeopleImportBatch batch);
}
