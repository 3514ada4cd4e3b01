using System.Data.Common;
using System.Globalization;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Links in a SQLite file, in segments: tables of at most <c>segmentLinks</c> links each, listed in
/// <c>gov_report_link_segment</c>. Only the newest (open) segment takes inserts; once full it is sealed with a filter of
/// the report ids it holds (<see cref="ReportIdFilter"/>), kept in the catalog and in memory.
/// Why: report ids are hashes, so each insert into one big table dirties an index page at a random place, and the cost
/// grew with the table (35 µs a link at 2–2.5 million rows); in segments of 200,000 it stays at 11–12 µs
/// (bench/LinkLayout.Bench, docs/benchmarks.md). A lookup asks the open segment, then only the sealed segments whose filter
/// says "maybe". Only one process writes a SQLite file, so the segments in memory are the truth.
/// </summary>
internal sealed class SqliteLinkSegments(StorageConnection target, string serviceId, HeldConnection writer, HeldConnection reader, int segmentLinks) : ILinkTable
{
    /// <summary>
    /// The default segment size. Large commits cost about the same per link up to 250,000 (9–11 µs); but the link store
    /// commits every 150 ms, a couple of thousand links at half the max rate, and a small commit dirties an index page per
    /// link wherever it falls: 20–55 ms for 2,000 links in segments of 25,000, 97–231 ms for about 3,000 in segments of 200,000
    /// (docs/benchmarks.md).
    /// </summary>
    public const int DefaultSegmentLinks = 50_000;

    public const string CatalogTable = "gov_report_link_segment";

    // SQLite allows 500 terms in one compound SELECT (SQLITE_MAX_COMPOUND_SELECT); queries over every segment go in groups.
    private const int SegmentsPerQuery = 400;

    private volatile SegmentSet? _segments;

    /// <summary>The table of segment <paramref name="number"/>.</summary>
    public static string TableOf(long number) => $"gov_report_link_{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Creates segment <paramref name="number"/>'s table and indexes, and lists it in the catalog as open.</summary>
    public static async Task CreateSegmentAsync(DbConnection connection, DbTransaction transaction, long number, CancellationToken cancellationToken)
    {
        var table = TableOf(number);
        await connection.ExecuteAsync(transaction, $"""
            CREATE TABLE IF NOT EXISTS {table}
            (
                service_id  TEXT    NOT NULL,
                report_id   TEXT    NOT NULL,
                case_id     TEXT    NOT NULL,
                case_cell   TEXT    NOT NULL,
                reporter_id TEXT    NOT NULL,
                channel     INTEGER NOT NULL,
                external_id TEXT    NOT NULL,
                reported_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS {table}_of_report ON {table} (service_id, report_id);
            CREATE INDEX IF NOT EXISTS {table}_of_case ON {table} (service_id, case_id);
            INSERT INTO {CatalogTable} (segment, report_filter) VALUES (@segment, NULL) ON CONFLICT DO NOTHING;
            """, cancellationToken, ("segment", number));
    }

    public async Task CommitAsync(IReadOnlyList<ReportLink> links)
    {
        using (await SqliteWriteGate.EnterAsync(target, CancellationToken.None))
        {
            try
            {
                var connection = await writer.GetAsync(CancellationToken.None);
                var segments = _segments ?? await LoadAsync(connection);
                await using var transaction = await connection.BeginTransactionAsync();
                var fresh = await WithoutSealedAsync(connection, transaction, segments, links);
                var insert = LinkRows.InsertSql(TableOf(segments.Open));
                var affected = await StatementRuns.RunAsync(writer, transaction, [.. fresh.Select(link => (insert, LinkRows.ParametersOf(serviceId, link)))], CancellationToken.None);
                var next = segments with { OpenLinks = segments.OpenLinks + affected.Sum() };
                if (next.OpenLinks >= segmentLinks)
                {
                    next = await SealAsync(connection, transaction, next);
                }

                await transaction.CommitAsync();
                _segments = next;
            }
            catch
            {
                // Whatever the failed transaction did is undone; the catalog is read again before the next one.
                _segments = null;
                throw;
            }
        }
    }

    public async Task<List<ReportLink>> FindAsync(string[] reportIds)
    {
        var segments = await SegmentsAsync();
        var found = await FindInAsync(segments.Open, reportIds);
        var missing = reportIds.Except(found.Select(link => link.ReportId), StringComparer.Ordinal).ToList();
        foreach (var (number, suspects) in Suspects(segments, missing))
        {
            var inSegment = await FindInAsync(number, suspects);
            found.AddRange(inSegment);
            // Found ids are asked of no older segment (the list is read again for each).
            var foundHere = inSegment.Select(link => link.ReportId).ToHashSet(StringComparer.Ordinal);
            missing.RemoveAll(foundHere.Contains);
        }

        return found;
    }

    public async Task<Dictionary<string, int>> CountByCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var segments = await SegmentsAsync();
        await using var connection = await target.OpenAsync(cancellationToken);
        foreach (var group in segments.All.Chunk(SegmentsPerQuery))
        {
            var arms = group.Select(number => $"SELECT case_id FROM {TableOf(number)} WHERE service_id = @service AND case_id IN (SELECT value FROM json_each(@cases))");
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT case_id, COUNT(*) FROM ({string.Join(" UNION ALL ", arms)}) GROUP BY case_id";
            command.AddParameter("service", serviceId);
            command.AddParameter("cases", System.Text.Json.JsonSerializer.Serialize(caseIds));
            await LinkRows.AddCountsAsync(command, counts, cancellationToken);
        }

        return counts;
    }

    public async Task<List<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var links = new List<ReportLink>();
        var segments = await SegmentsAsync();
        await using var connection = await target.OpenAsync(cancellationToken);
        foreach (var group in segments.All.Chunk(SegmentsPerQuery))
        {
            var arms = group.Select(number => $"SELECT {LinkRows.Columns} FROM {TableOf(number)} WHERE service_id = @service AND case_id = @case");
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join(" UNION ALL ", arms);
            command.AddParameter("service", serviceId);
            command.AddParameter("case", caseId);
            links.AddRange(await LinkRows.ReadAsync(command, cancellationToken));
        }

        return [.. links.OrderBy(link => link.Reporter.ReportedAt).ThenBy(link => link.ReportId, StringComparer.Ordinal)];
    }

    private async Task<List<ReportLink>> FindInAsync(long segment, string[] reportIds)
    {
        // One prepared statement per segment however many ids: they travel as one JSON array.
        var prepared = await reader.PreparedAsync(ReportsInSql(segment, LinkRows.Columns), ["service", "reports"], CancellationToken.None);
        prepared.SetParameter("service", serviceId);
        prepared.SetParameter("reports", System.Text.Json.JsonSerializer.Serialize(reportIds));
        return await LinkRows.ReadAsync(prepared, CancellationToken.None);
    }

    // A report already in a sealed segment keeps that link: the open segment's unique index cannot see it.
    private async Task<IReadOnlyList<ReportLink>> WithoutSealedAsync(DbConnection connection, DbTransaction transaction, SegmentSet segments, IReadOnlyList<ReportLink> links)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, suspects) in Suspects(segments, [.. links.Select(link => link.ReportId)]))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReportsInSql(number, "report_id");
            command.AddParameter("service", serviceId);
            command.AddParameter("reports", System.Text.Json.JsonSerializer.Serialize(suspects));
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                linked.Add(rows.GetString(0));
            }
        }

        return linked.Count == 0 ? links : [.. links.Where(link => !linked.Contains(link.ReportId))];
    }

    /// <summary>
    /// The sealed segments, newest first, each with the ids its filter says it may hold; those it says "no" to are not
    /// asked. A report is in one segment at most, so most ids are asked of none.
    /// </summary>
    private static IEnumerable<(long Number, string[] Suspects)> Suspects(SegmentSet segments, List<string> reportIds)
    {
        if (reportIds.Count == 0 || segments.Sealed.Length == 0)
        {
            yield break;
        }

        // Hashed once, not once per segment: a long storm seals dozens of segments, and every link is asked of each.
        var hashes = reportIds.ConvertAll(ReportIdFilter.HashOf);
        var suspects = new List<string>();
        for (var i = segments.Sealed.Length - 1; i >= 0; i--)
        {
            var (number, filter) = segments.Sealed[i];
            suspects.Clear();
            for (var j = 0; j < hashes.Count; j++)
            {
                if (filter.MightContain(hashes[j]))
                {
                    suspects.Add(reportIds[j]);
                }
            }

            if (suspects.Count > 0)
            {
                yield return (number, [.. suspects]);
            }
        }
    }

    private static string ReportsInSql(long segment, string columns) =>
        $"SELECT {columns} FROM {TableOf(segment)} WHERE service_id = @service AND report_id IN (SELECT value FROM json_each(@reports))";

    // Within the commit's transaction: the filter, the catalog and the next segment are stored with the links that filled it.
    private static async Task<SegmentSet> SealAsync(DbConnection connection, DbTransaction transaction, SegmentSet segments)
    {
        var filter = ReportIdFilter.ForIds(segments.OpenLinks);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT report_id FROM {TableOf(segments.Open)}";
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                filter.Add(rows.GetString(0));
            }
        }

        await connection.ExecuteAsync(
            transaction, $"UPDATE {CatalogTable} SET report_filter = @filter WHERE segment = @segment", CancellationToken.None,
            ("filter", filter.ToBytes()), ("segment", segments.Open));
        await CreateSegmentAsync(connection, transaction, segments.Open + 1, CancellationToken.None);
        return new SegmentSet([.. segments.Sealed, (segments.Open, filter)], segments.Open + 1, 0);
    }

    private async Task<SegmentSet> SegmentsAsync()
    {
        if (_segments is { } segments)
        {
            return segments;
        }

        using (await SqliteWriteGate.EnterAsync(target, CancellationToken.None))
        {
            return _segments ??= await LoadAsync(await writer.GetAsync(CancellationToken.None));
        }
    }

    // Within the write turn.
    private static async Task<SegmentSet> LoadAsync(DbConnection connection)
    {
        var sealedSegments = new List<(long, ReportIdFilter)>();
        long? open = null;
        long last = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT segment, report_filter FROM {CatalogTable} ORDER BY segment";
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                last = rows.GetInt64(0);
                if (rows.IsDBNull(1))
                {
                    open = last;
                }
                else
                {
                    sealedSegments.Add((last, ReportIdFilter.FromBytes((byte[])rows.GetValue(1))));
                }
            }
        }

        if (open is not null && open != last)
        {
            throw new InvalidDataException($"{CatalogTable} lists segment {open} open and a later one, {last}; only the last may be open.");
        }

        // A new file lists none, and a segment listed without its table (a file restored in part) starts empty rather
        // than failing every commit. An existing table keeps the indexes it has (segment 1 may be an earlier version's table).
        open ??= last + 1;
        var exists = await connection.ScalarAsync(null, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{TableOf(open.Value)}'", CancellationToken.None);
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await CreateSegmentAsync(connection, transaction, open.Value, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var openLinks = await connection.ScalarAsync(null, $"SELECT COUNT(*) FROM {TableOf(open.Value)}", CancellationToken.None);
        return new SegmentSet([.. sealedSegments], open.Value, Convert.ToInt64(openLinks, CultureInfo.InvariantCulture));
    }

    /// <summary>The sealed segments, oldest first, and the open one with how many links it holds.</summary>
    private sealed record SegmentSet((long Number, ReportIdFilter Filter)[] Sealed, long Open, long OpenLinks)
    {
        public IEnumerable<long> All => Sealed.Select(s => s.Number).Append(Open);
    }
}
