using System.Data.Common;
using System.Text;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.CaseList;

/// <summary>
/// <see cref="ICaseListStore"/> on <c>gov_open_case</c>, one SQL query a page: the filters as one conjunction, the order
/// with the case id as tie-breaker, and the page's start as a keyset condition on both, so a deep page costs what the
/// first does. <c>07_case_list.sql</c> holds the indexes the filters lead with; on SQLite, <see cref="SqliteCaseListIndex"/>
/// chooses which one a query reads.
/// </summary>
internal sealed class SqlCaseListStore(StorageConnection target, string serviceId) : ICaseListStore
{
    private const string Columns = "case_id, cell_id, kind, category, status, opened_at, headline, latitude, longitude, department, due_at";

    // The statuses a case is no longer open in, as stored: counted out rather than in, so a new open status counts.
    private static readonly string ClosedStatuses = string.Join(", ", Enum.GetValues<CaseStatusKind>().Where(s => !CaseLifecycle.IsOpen(s)).Select(s => (int)s));

    public async Task<(long Open, long Overdue)> CountOpenAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at < @now THEN 1 ELSE 0 END), 0) FROM gov_open_case WHERE service_id = @service AND status NOT IN ({ClosedStatuses})";
        command.AddParameter("service", serviceId);
        command.AddParameter("now", now.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByCellAsync(string categoryPrefix, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A range on the category index: the prefix itself, then everything from "prefix." up to "prefix/" ('/' follows '.').
        command.CommandText = "SELECT cell_id, COUNT(*) FROM gov_open_case WHERE service_id = @service AND opened_at < @before "
            + "AND (category = @prefix OR (category > @below AND category < @after)) GROUP BY cell_id";
        command.AddParameter("service", serviceId);
        command.AddParameter("before", before.UtcTicks);
        command.AddParameter("prefix", categoryPrefix);
        command.AddParameter("below", categoryPrefix + ".");
        command.AddParameter("after", categoryPrefix + "/");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public async Task<CaseListPage> ListAsync(CaseListQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Build(query, now, command);
        var items = new List<CaseListItem>(query.PageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var item = Read(reader);
                items.Add(item.DueAt < now ? item with { Overdue = true } : item);
            }
        }

        // One more row than a page was asked for: if it came, there is a next page, starting after the page's last case.
        if (items.Count <= query.PageSize)
        {
            return new CaseListPage([.. items], null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        var key = query.Sort == CaseListSort.SoonestDue ? last.DueAt!.Value.UtcTicks : last.OpenedAt.UtcTicks;
        return new CaseListPage([.. items], new CaseListCursor(key, last.CaseId));
    }

    private string Build(CaseListQuery query, DateTimeOffset now, DbCommand command)
    {
        var where = new List<string> { "service_id = @service" };
        command.AddParameter("service", serviceId);
        if (query.CellId is { } cell)
        {
            where.Add("cell_id = @cell");
            command.AddParameter("cell", cell);
        }

        if (query.AreaPath is { Length: > 0 } area && query.AreaIsLowest)
        {
            // A community's cases all have its path: the area index reads them already in time order.
            where.Add("area_path = @area");
            command.AddParameter("area", area);
        }
        else if (query.AreaPath is { Length: > 0 } wider)
        {
            // Every path below a wider area starts with it: a range, read in another index's order and filtered (through
            // the area index, the range would have to be sorted whole: half a city, for a district).
            where.Add("area_path >= @areaFrom AND area_path < @areaTo");
            command.AddParameter("areaFrom", wider);
            command.AddParameter("areaTo", PrefixEnd(wider));
        }

        if (!query.Statuses.IsDefaultOrEmpty)
        {
            var names = query.Statuses.Distinct().Select((status, i) =>
            {
                command.AddParameter($"status{i}", (int)status);
                return $"@status{i}";
            });
            where.Add($"status IN ({string.Join(", ", names)})");
        }

        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            command.AddParameter("kind", (int)kind);
        }

        if (query.Category is { Length: > 0 } category)
        {
            if (category.EndsWith(".*", StringComparison.Ordinal))
            {
                // By its first characters, not a range: the column's collation need not order by code point.
                where.Add("substr(category, 1, @prefixLength) = @categoryPrefix");
                command.AddParameter("prefixLength", category.Length - 1);
                command.AddParameter("categoryPrefix", category[..^1]);
            }
            else
            {
                where.Add("category = @category");
                command.AddParameter("category", category);
            }
        }

        if (query.Department is { Length: > 0 } department)
        {
            where.Add("department = @department");
            command.AddParameter("department", department);
        }

        if (query.OverdueOnly)
        {
            where.Add("due_at < @now");
            command.AddParameter("now", now.UtcTicks);
        }

        if (query.OpenedFrom is { } from)
        {
            where.Add("opened_at >= @openedFrom");
            command.AddParameter("openedFrom", from.UtcTicks);
        }

        if (query.OpenedBefore is { } before)
        {
            where.Add("opened_at < @openedBefore");
            command.AddParameter("openedBefore", before.UtcTicks);
        }

        var (key, descending) = query.Sort switch
        {
            CaseListSort.OldestFirst => ("opened_at", false),
            CaseListSort.SoonestDue => ("due_at", false),
            _ => ("opened_at", true),
        };
        if (query.Sort == CaseListSort.SoonestDue)
        {
            where.Add("due_at IS NOT NULL");
        }

        if (query.After is { } after)
        {
            // As one row value: PostgreSQL reads it as a range of an index on (key, case_id); an OR of the two it filters row by row.
            var beyond = descending ? "<" : ">";
            where.Add($"({key}, case_id) {beyond} (@afterKey, @afterId)");
            command.AddParameter("afterKey", after.SortKey);
            command.AddParameter("afterId", after.CaseId);
        }

        var direction = descending ? "DESC" : "ASC";
        command.AddParameter("limit", query.PageSize + 1);
        var table = target.Provider == StorageProvider.Sqlite ? $"gov_open_case INDEXED BY {SqliteCaseListIndex.For(query)}" : "gov_open_case";
        return new StringBuilder("SELECT ").Append(Columns).Append(" FROM ").Append(table).Append(" WHERE ").AppendJoin(" AND ", where)
            .Append(" ORDER BY ").Append(key).Append(' ').Append(direction).Append(", case_id ").Append(direction)
            .Append(" LIMIT @limit").ToString();
    }

    // The first string after every string that starts with the prefix: its last character, plus one.
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static CaseListItem Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (CaseKind)reader.GetInt32(2),
        reader.GetString(3),
        (CaseStatusKind)reader.GetInt32(4),
        Utc(reader.GetInt64(5)),
        reader.GetString(6),
        new GeoLocation(reader.GetDouble(7), reader.GetDouble(8)))
    {
        Department = reader.IsDBNull(9) ? "" : reader.GetString(9),
        DueAt = reader.IsDBNull(10) ? null : Utc(reader.GetInt64(10)),
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
