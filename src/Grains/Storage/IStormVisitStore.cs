namespace Governance.Grains.Storage;

/// <summary>A storm warning's visit case: the household's features as scored, its probability, and its outcome once recorded.</summary>
public sealed record StormVisit(
    string CaseId, string WarningId, string HouseholdId, string CellId, DateTimeOffset IssuedAt, long ModelVersion, double Probability, float[] Features)
{
    /// <summary>Whether it flooded; null until someone records it.</summary>
    public bool? Flooded { get; init; }
}

/// <summary>The visit cases of storm warnings and their outcomes: where the next training data comes from.</summary>
public interface IStormVisitStore
{
    /// <summary>Keeps the visits; a case already kept (the same warning issued again) is left as it is.</summary>
    Task AddAsync(IReadOnlyList<StormVisit> visits, CancellationToken cancellationToken = default);

    Task<StormVisit?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Records whether the household flooded; a later record replaces an earlier one.</summary>
    Task RecordOutcomeAsync(string caseId, bool flooded, string recordedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The visits with an outcome, of one warning or of all, in case order.</summary>
    Task<IReadOnlyList<StormVisit>> LabelledAsync(string warningId, CancellationToken cancellationToken = default);
}
