using System.Data.Common;
using System.Text.Json;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.People;

/// <summary>Bulk imports: a batch of households and residents into the register and the index, in one transaction.</summary>
internal sealed partial class SqlPeopleIndex
{
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(PeopleImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var import = new ImportCommands(connection, transaction);
        var results = new List<ImportResult>(batch.Households.Length + batch.Residents.Length);
        foreach (var household in batch.Households)
        {
            results.Add(await ImportHouseholdAsync(import, household, cancellationToken));
        }

        foreach (var resident in batch.Residents)
        {
            results.Add(await ImportResidentAsync(import, resident, now, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<ImportResult> ImportHouseholdAsync(ImportCommands import, HouseholdDetails household, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(household with { MemberIds = [] }, RegisterSeed.Json);
        if (await import.CellOfHouseholdAsync(household.HouseholdId, cancellationToken) is not null)
        {
            var stored = await import.RegisterBodyAsync(RegistryKinds.Household, household.HouseholdId, cancellationToken);
            // The register's members are the seed's; what a household is, is the rest.
            var same = stored is not null && JsonSerializer.Serialize(JsonSerializer.Deserialize<HouseholdDetails>(stored, RegisterSeed.Json)! with { MemberIds = [] }, RegisterSeed.Json) == body;
            return same ? ImportResult.Unchanged : OnFile("household.household_id", $"household {household.HouseholdId}", "UpdateHousehold");
        }

        await import.PutRegisterAsync(RegistryKinds.Household, household.HouseholdId, household.CellId, body, cancellationToken);
        await import.PutHouseholdRowAsync(HouseholdRow.Of(household), cancellationToken);
        return ImportResult.Created;
    }

    private static async Task<ImportResult> ImportResidentAsync(ImportCommands import, ResidentDetails resident, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = PeopleHashes.IdNumber(resident.IdNumber);
        if (await import.ResidentOfIdNumberAsync(hash, cancellationToken) is { } holder)
        {
            if (holder != resident.ResidentId)
            {
                return new ImportResult(ImportOutcomeKind.Rejected, "resident.id_number", $"another resident's file ({holder}) has this ID number");
            }

            var stored = await import.RegisterBodyAsync(RegistryKinds.Resident, resident.ResidentId, cancellationToken);
            var was = stored is null ? null : JsonSerializer.Deserialize<ResidentDetails>(stored, RegisterSeed.Json);
            // A need keeps the time it was first on file, as an edit keeps it: a second import of the same file matches.
            var again = was is null ? null : resident with
            {
                ServiceNeeds = [.. resident.ServiceNeeds.Select(need => need with { Since = was.ServiceNeeds.FirstOrDefault(n => n.Kind == need.Kind)?.Since })],
            };
            return again is not null && JsonSerializer.Serialize(again, RegisterSeed.Json) == stored
                ? ImportResult.Unchanged
                : OnFile("resident.resident_id", $"resident {resident.ResidentId}", "UpdateResident");
        }

        if (await import.ResidentExistsAsync(resident.ResidentId, cancellationToken))
        {
            return OnFile("resident.resident_id", $"resident {resident.ResidentId}", "UpdateResident");
        }

        if (await import.CellOfHouseholdAsync(resident.HouseholdId, cancellationToken) is not { } cell)
        {
            return new ImportResult(ImportOutcomeKind.Rejected, "resident.household_id", $"there is no household '{resident.HouseholdId}' (import households before their residents)");
        }

        var seeded = resident with { ServiceNeeds = [.. resident.ServiceNeeds.Select(need => need with { Since = now })] };
        await import.PutRegisterAsync(RegistryKinds.Resident, resident.ResidentId, cell, JsonSerializer.Serialize(seeded, RegisterSeed.Json), cancellationToken);
        await import.PutResidentRowAsync(new ResidentRow(resident.ResidentId, resident.HouseholdId, cell, resident.Name, resident.Tags, hash), cancellationToken);
        foreach (var (need, dueAt, _) in VisitSchedule.Of(seeded, now))
        {
            await import.PutVisitDueAsync(resident.ResidentId, cell, resident.Name, need, dueAt, cancellationToken);
        }

        return ImportResult.Created;
    }

    private static ImportResult OnFile(string field, string what, string update) =>
        new(ImportOutcomeKind.Rejected, field, $"{what} is on file with other values; change it with {update}");

    /// <summary>The statements of an import, each prepared once per batch and run per row.</summary>
    private sealed class ImportCommands(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        public async Task<string?> CellOfHouseholdAsync(string householdId, CancellationToken cancellationToken) =>
            await ScalarAsync("SELECT cell_id FROM gov_household_index WHERE household_id = @a", cancellationToken, householdId) as string;

        public async Task<string?> RegisterBodyAsync(string kind, string id, CancellationToken cancellationToken) =>
            await ScalarAsync("SELECT body FROM gov_registry WHERE kind = @a AND id = @b", cancellationToken, kind, id) as string;

        public async Task<string?> ResidentOfIdNumberAsync(string hash, CancellationToken cancellationToken) =>
            await ScalarAsync("SELECT resident_id FROM gov_resident_index WHERE id_number_hash = @a", cancellationToken, hash) as string;

        public async Task<bool> ResidentExistsAsync(string residentId, CancellationToken cancellationToken) =>
            await ScalarAsync("SELECT resident_id FROM gov_resident_index WHERE resident_id = @a", cancellationToken, residentId) is not null;

        public Task PutRegisterAsync(string kind, string id, string cell, string body, CancellationToken cancellationToken) =>
            ExecuteAsync("INSERT INTO gov_registry (kind, id, cell, body) VALUES (@a, @b, @c, @d)", cancellationToken, kind, id, cell, body);

        public async Task PutHouseholdRowAsync(HouseholdRow row, CancellationToken cancellationToken)
        {
            await ExecuteAsync("INSERT INTO gov_household_index (household_id, cell_id) VALUES (@a, @b)", cancellationToken, row.HouseholdId, row.CellId);
            await ExecuteAsync($"INSERT INTO gov_household_risk ({RiskColumns}) VALUES (@a, @b, @c, @d, @e, @f, @g)", cancellationToken,
                row.HouseholdId, row.CellId, row.ElevationMeters, row.Storey, row.Construction, row.Dilapidated, row.BuiltYear);
        }

        public Task PutResidentRowAsync(ResidentRow row, CancellationToken cancellationToken) =>
            ExecuteAsync($"INSERT INTO gov_resident_index ({ResidentColumns}) VALUES (@a, @b, @c, @d, @e, @f)", cancellationToken,
                row.ResidentId, row.HouseholdId, row.CellId, row.Name, TagsText(row.Tags), row.IdNumberHash);

        public Task PutVisitDueAsync(string residentId, string cellId, string name, ServiceNeedInfo need, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
            ExecuteAsync("INSERT INTO gov_visit_due (resident_id, kind, cell_id, name, cadence, due_at) VALUES (@a, @b, @c, @d, @e, @f)", cancellationToken,
                residentId, need.Kind, cellId, name, (int)need.Cadence, dueAt.UtcTicks);

        private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
            await Prepared(sql, values).ExecuteScalarAsync(cancellationToken);

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
            await Prepared(sql, values).ExecuteNonQueryAsync(cancellationToken);

        // Parameters are named @a, @b, … in the order the values come.
        private DbCommand Prepared(string sql, object[] values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                for (var i = 0; i < values.Length; i++)
                {
                    command.AddParameter(((char)('a' + i)).ToString(), values[i]);
                }

                _commands[sql] = command;
            }

            for (var i = 0; i < values.Length; i++)
            {
                command.SetParameter(((char)('a' + i)).ToString(), values[i]);
            }

            return command;
        }
    }
}
