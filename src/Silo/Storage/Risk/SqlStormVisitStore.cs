using System.Data.Common;
using System.Globalization;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.Risk;

/// <summary><see cref="IStormVisitStore"/> on <c>gov_storm_visit</c> (<c>13_storm_visits.sql</c>); features kept as invariant text, one float each.</summary>
internal sealed class SqlStormVisitStore(StorageConnection target) : IStormVisitStore
{
    private const string Columns = "case_id, warning_id, household_id, cell_id, issued_at, model_version, probability, features, flooded";

    public async Task AddAsync(IReadOnlyList<StormVisit> visits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO gov_storm_visit (case_id, warning_id, household_id, cell_id, issued_at, model_version, probability, features) "
            + "VALUES (@case, @warning, @household, @cell, @at, @model, @probability, @features) ON CONFLICT (case_id) DO NOTHING";
        foreach (var name in new[] { "case", "warning", "household", "cell", "at", "model", "probability", "features" })
        {
            command.AddParameter(name, "");
        }

        foreach (var visit in visits)
        {
            command.SetParameter("case", visit.CaseId);
            command.SetParameter("warning", visit.WarningId);
            command.SetParameter("household", visit.HouseholdId);
            command.SetParameter("cell", visit.CellId);
            command.SetParameter("at", visit.IssuedAt.UtcTicks);
            command.SetParameter("model", visit.ModelVersion);
            command.SetParameter("probability", visit.Probability);
            command.SetParameter("features", string.Join(' ', visit.Features.Select(f => f.ToString("R", CultureInfo.InvariantCulture))));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StormVisit?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT {Columns} FROM gov_storm_visit WHERE case_id = @case", ("case", caseId), cancellationToken)).SingleOrDefault();

    public async Task RecordOutcomeAsync(string caseId, bool flooded, string recordedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await connection.ExecuteAsync(null, "UPDATE gov_storm_visit SET flooded = @flooded, recorded_by = @by, recorded_at = @at WHERE case_id = @case",
            cancellationToken, ("flooded", flooded), ("by", recordedBy), ("at", at.UtcTicks), ("case", caseId));
    }

    public async Task<IReadOnlyList<StormVisit>> LabelledAsync(string warningId, CancellationToken cancellationToken = default) =>
        warningId.Length == 0
            ? await ReadAsync($"SELECT {Columns} FROM gov_storm_visit WHERE flooded IS NOT NULL ORDER BY case_id", null, cancellationToken)
            : await ReadAsync($"SELECT {Columns} FROM gov_storm_visit WHERE flooded IS NOT NULL AND warning_id = @warning ORDER BY case_id", ("warning", warningId), cancellationToken);

    private async Task<List<StormVisit>> ReadAsync(string sql, (string Name, object Value)? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is { } p)
        {
            command.AddParameter(p.Name, p.Value);
        }

        var visits = new List<StormVisit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visits.Add(Read(reader));
        }

        return visits;
    }

    private static StormVisit Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        reader.GetInt64(5), reader.GetDouble(6),
        [.. reader.GetString(7).Split(' ').Select(f => float.Parse(f, CultureInfo.InvariantCulture))])
    {
        Flooded = reader.IsDBNull(8) ? null : reader.GetBoolean(8),
    };
}
