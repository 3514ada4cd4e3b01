using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Rectification;
using Governance.Contracts.V1;

namespace Governance.Gateway.Mapping;

/// <summary>An inspection's rectification dashboard into its proto messages.</summary>
public static class RectificationMapping
{
    public static GetRectificationDashboardResponse ToProto(this RectificationDashboard dashboard, string inspection, string area)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var totals = dashboard.Totals;
        var response = new GetRectificationDashboardResponse
        {
            Inspection = inspection,
            Area = area,
            AsOf = Timestamp.FromDateTimeOffset(dashboard.AsOf),
            Totals = new Contracts.V1.RectificationTotals
            {
                Tasks = totals.Tasks,
                Listed = totals.Listed,
                Rectifying = totals.Rectifying,
                Submitted = totals.Submitted,
                Confirmed = totals.Confirmed,
                Overdue = totals.Overdue,
                DoneOnTime = totals.DoneOnTime,
                ProgressReportsOverdue = totals.ProgressReportsOverdue,
            },
            Tasks = { dashboard.Tasks.Select(ToProto) },
        };
        if (totals.DoneOnTimeShare is { } share)
        {
            response.Totals.DoneOnTimeShare = share;
        }

        return response;
    }

    private static RectificationTask ToProto(RectificationTaskLine line) => new()
    {
        CaseId = line.CaseId,
        CellId = line.CellId,
        Category = line.Category,
        Topic = line.Topic,
        Headline = line.Headline,
        Responsible = line.Responsible,
        Department = line.Department,
        DueAt = At(line.DueAt),
        Status = line.Status.ToProto(),
        Overdue = line.Overdue,
        OverdueBy = line.OverdueBy is { } by ? Duration.FromTimeSpan(by) : null,
        ProgressReports = line.ProgressReports,
        LastReportAt = At(line.LastReportAt),
        NextReportDue = At(line.NextReportDue),
        ProgressReportOverdue = line.ProgressReportOverdue,
        CompletedAt = At(line.CompletedAt),
        DoneOnTime = line.DoneOnTime,
    };

    private static Timestamp? At(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
