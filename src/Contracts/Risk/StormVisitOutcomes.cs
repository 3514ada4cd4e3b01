using System.Collections.Immutable;

namespace Governance.Contracts.Risk;

/// <summary>A storm warning's visit case as kept for training: the household's features as scored, and its outcome once recorded.</summary>
[GenerateSerializer, Immutable, Alias("StormVisitRecord")]
public sealed record class StormVisitRecord(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string WarningId,
    [property: Id(2)] string HouseholdId,
    [property: Id(3)] string CellId,
    [property: Id(4)] double Probability,
    [property: Id(5)] ImmutableArray<float> Features,
    [property: Id(6)] bool? Flooded);

/// <summary>Outcomes of storm visits, and the labelled visits as training data. A stateless worker. Key it 0.</summary>
[Alias("IStormOutcomeGrain")]
public interface IStormOutcomeGrain : IGrainWithIntegerKey
{
    /// <summary>The visit of this case; null when the case is not a storm warning's visit.</summary>
    [Alias("GetVisit"), Orleans.Concurrency.ReadOnly]
    Task<StormVisitRecord?> GetVisitAsync(string caseId);

    /// <summary>Records whether the household flooded; a later record replaces an earlier one.</summary>
    [Alias("RecordOutcome")]
    Task RecordOutcomeAsync(string caseId, bool flooded, string recordedBy);

    /// <summary>The visits with an outcome, of one warning or (empty) of all.</summary>
    [Alias("Labelled"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<StormVisitRecord>> LabelledAsync(string warningId);
}
