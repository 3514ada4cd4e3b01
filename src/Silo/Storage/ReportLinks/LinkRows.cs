using System.Data.Common;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>A link as a row, the same in every table that holds links.</summary>
internal static class LinkRows
{
    public const string Columns = "report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at";

    public static readonly string[] InsertParameters = ["service", "report", "case", "cell", "reporter", "channel", "external", "at"];

    public static string InsertSql(string table) =>
        $"INSERT INTO {table} (service_id, {Columns}) VALUES (@service, @report, @case, @cell, @reporter, @channel, @external, @at) ON CONFLICT DO NOTHING";

    /// <summary>The values of <see cref="InsertSql"/>, in the order of <see cref="InsertParameters"/>.</summary>
    public static IReadOnlyList<(string Name, object Value)> ParametersOf(string serviceId, ReportLink link) =>
    [
        ("service", serviceId),
        ("report", link.ReportId),
        ("case", link.CaseId),
        ("cell", link.CaseCellId),
        ("reporter", link.Reporter.ReporterId),
        ("channel", (int)link.Reporter.Channel),
        ("external", link.Reporter.ExternalId),
        ("at", link.Reporter.ReportedAt.UtcTicks),
    ];

    /// <summary>Reads rows selected as <see cref="Columns"/>.</summary>
    public static async Task<List<ReportLink>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var links = new List<ReportLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reporter = new ReporterEntry(
                reader.GetString(3), (ReportChannel)reader.GetInt32(4), reader.GetString(5), new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero));
            links.Add(new ReportLink(reader.GetString(0), reader.GetString(1), reader.GetString(2), reporter));
        }

        return links;
    }

    /// <summary>Case ids and their counts, selected as (case_id, COUNT(*)), added to <paramref name="counts"/>.</summary>
    public static async Task AddCountsAsync(DbCommand command, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var caseId = reader.GetString(0);
            counts[caseId] = counts.GetValueOrDefault(caseId) + Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
