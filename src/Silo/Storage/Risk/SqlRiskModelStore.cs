using System.Data.Common;
using System.Text.Json;
using Governance.Contracts.Risk;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.Risk;

/// <summary><see cref="IRiskModelStore"/> on <c>gov_risk_model</c> and <c>gov_risk_promotion</c> (<c>11_risk_models.sql</c>).</summary>
internal sealed class SqlRiskModelStore(StorageConnection target) : IRiskModelStore
{
    private const string Columns = "version, registered_at, registered_by, trainer, data_fingerprint, metrics, threshold, note, sha256, size_bytes";

    public async Task<RiskModelRecord> AddAsync(RiskModelUpload upload, byte[] file, string sha256, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(file);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gov_risk_model (registered_at, registered_by, trainer, data_fingerprint, metrics, threshold, note, sha256, size_bytes, file) "
            + "VALUES (@at, @by, @trainer, @fingerprint, @metrics, @threshold, @note, @sha, @size, @file) RETURNING version";
        command.AddParameter("at", at.UtcTicks);
        command.AddParameter("by", upload.RegisteredBy);
        command.AddParameter("trainer", upload.Trainer);
        command.AddParameter("fingerprint", upload.DataFingerprint);
        command.AddParameter("metrics", JsonSerializer.Serialize(upload.Metrics));
        command.AddParameter("threshold", upload.Threshold);
        command.AddParameter("note", upload.Note);
        command.AddParameter("sha", sha256);
        command.AddParameter("size", (long)file.Length);
        command.AddParameter("file", file);
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return new RiskModelRecord(version, new DateTimeOffset(at.UtcTicks, TimeSpan.Zero), upload, file.Length, sha256);
    }

    public async Task<IReadOnlyList<RiskModelRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT {Columns} FROM gov_risk_model ORDER BY version DESC", null, cancellationToken);

    public async Task<RiskModelRecord?> GetAsync(long version, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT {Columns} FROM gov_risk_model WHERE version = @version", version, cancellationToken)).SingleOrDefault();

    public async Task<byte[]?> ReadFileAsync(long version, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT file FROM gov_risk_model WHERE version = @version";
        command.AddParameter("version", version);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task AddPromotionAsync(RiskPromotion promotion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await connection.ExecuteAsync(null, "INSERT INTO gov_risk_promotion (version, rollback, promoted_by, promoted_at) VALUES (@version, @rollback, @by, @at)",
            cancellationToken, ("version", promotion.Version), ("rollback", promotion.Rollback), ("by", promotion.By), ("at", promotion.At.UtcTicks));
    }

    public async Task<IReadOnlyList<RiskPromotion>> PromotionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, rollback, promoted_by, promoted_at FROM gov_risk_promotion ORDER BY sequence";
        var promotions = new List<RiskPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            promotions.Add(new RiskPromotion(reader.GetInt64(0), reader.GetBoolean(1), reader.GetString(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return promotions;
    }

    private async Task<List<RiskModelRecord>> ReadAsync(string sql, long? version, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (version is { } v)
        {
            command.AddParameter("version", v);
        }

        var records = new List<RiskModelRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static RiskModelRecord Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
        new RiskModelUpload(reader.GetString(3), reader.GetString(4), JsonSerializer.Deserialize<RiskModelMetrics>(reader.GetString(5))!, reader.GetDouble(6), reader.GetString(7), reader.GetString(2)),
        reader.GetInt64(9),
        reader.GetString(8));
}
