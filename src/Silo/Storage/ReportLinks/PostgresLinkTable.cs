using Governance.Grains.Storage;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Links in one PostgreSQL table keyed by report, which every silo of a cluster shares; a commit goes in one round trip.
/// </summary>
internal sealed class PostgresLinkTable(StorageConnection target, string serviceId, HeldConnection writer, HeldConnection reader) : ILinkTable
{
    private const string Table = "gov_report_link";
    private const string FindSql = "SELECT " + LinkRows.Columns + " FROM " + Table + " WHERE service_id = @service AND report_id = ANY(@reports)";
    private const string CountSql = "SELECT case_id, COUNT(*) FROM " + Table + " WHERE service_id = @service AND case_id = ANY(@cases) GROUP BY case_id";
    private const string ListSql = "SELECT " + LinkRows.Columns + " FROM " + Table + " WHERE service_id = @service AND case_id = @case ORDER BY reported_at, report_id";

    private static readonly string InsertSql = LinkRows.InsertSql(Table);

    public async Task CommitAsync(IReadOnlyList<ReportLink> links)
    {
        var connection = await writer.GetAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await StatementRuns.RunAsync(writer, transaction, [.. links.Select(link => (InsertSql, LinkRows.ParametersOf(serviceId, link)))], CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task<List<ReportLink>> FindAsync(string[] reportIds)
    {
        var connection = await reader.GetAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = FindSql;
        command.AddParameter("service", serviceId);
        command.AddParameter("reports", reportIds);
        return await LinkRows.ReadAsync(command, CancellationToken.None);
    }

    public async Task<Dictionary<string, int>> CountByCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CountSql;
        command.AddParameter("service", serviceId);
        command.AddParameter("cases", caseIds.ToArray());
        await LinkRows.AddCountsAsync(command, counts, cancellationToken);
        return counts;
    }

    public async Task<List<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListSql;
        command.AddParameter("service", serviceId);
        command.AddParameter("case", caseId);
        return await LinkRows.ReadAsync(command, cancellationToken);
    }
}
