using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Departments;
using Governance.Contracts.V1;

namespace Governance.Gateway.Mapping;

/// <summary>Grain DTOs of cases and reports to their proto messages. Proto types never enter grains.</summary>
public static class CaseMapping
{
    public static ReportAck ToProto(this ReportReceipt receipt, string externalId) => new()
    {
        CaseId = receipt.CaseId,
        CellId = receipt.CellId,
        ExternalId = externalId,
        Outcome = receipt.Outcome switch
        {
            ReportOutcomeKind.Created => ReportOutcome.Created,
            ReportOutcomeKind.Retry => ReportOutcome.Retry,
            ReportOutcomeKind.Merged => ReportOutcome.Merged,
            _ => ReportOutcome.Unspecified,
        },
    };

    public static Case ToProto(this CaseDetails details)
    {
        var message = new Case
        {
            CaseId = details.CaseId,
            CellId = details.CellId,
            Category = details.Category,
            Description = details.Description,
            Location = details.Location.ToProto(),
            Status = details.Status.ToProto(),
            OpenedAt = Timestamp.FromDateTimeOffset(details.OpenedAt),
            Department = details.Department,
            Deadline = details.Deadline?.ToProto(),
            Overdue = details.Overdue,
            Kind = details.Kind.ToProto(),
            Welfare = details.Welfare?.ToProto(),
            Rectification = details.Rectification?.ToProto(details.ProgressReportOverdue),
        };
        message.Ratings.AddRange(details.Ratings.Select(r => new Contracts.V1.CaseRating
        {
            ReporterId = r.ReporterId,
            Score = r.Score,
            Comment = r.Comment,
            RatedAt = Timestamp.FromDateTimeOffset(r.RatedAt),
        }));
        message.Reporters.AddRange(details.Reporters.Select(r => new Reporter
        {
            ReporterId = r.ReporterId,
            Source = r.Channel.ToProto(),
            ExternalId = r.ExternalId,
            ReportedAt = Timestamp.FromDateTimeOffset(r.ReportedAt),
        }));
        message.History.AddRange(details.History.Select(e => new CaseEvent
        {
            At = Timestamp.FromDateTimeOffset(e.At),
            Status = e.Status.ToProto(),
            Actor = e.Actor,
            Note = e.Note,
            Action = e.Action is { } action ? action.ToProto() : Contracts.V1.CaseAction.Unspecified,
            Approver = e.Approver ?? "",
            Department = e.Department ?? "",
            Evidence = { e.Evidence.IsDefault ? [] : e.Evidence },
            EscalationLevel = e.EscalationLevel ?? 0,
            DueAt = e.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
        }));
        return message;
    }

    public static WelfareFile ToProto(this Contracts.Welfare.WelfareFile file) => new()
    {
        Documents =
        {
            file.Documents.Select(d => new SubmittedDocument
            {
                Kind = d.Kind.ToProto(),
                Link = d.Link,
                SubmittedBy = d.SubmittedBy,
                SubmittedAt = Timestamp.FromDateTimeOffset(d.SubmittedAt),
            }),
        },
        MissingDocuments = { file.Missing.Select(kind => kind.ToProto()) },
        Approvals =
        {
            file.Approvals.Select(a => new WelfareApproval
            {
                Department = a.Department,
                // The proto enum numbers its decisions as the grains' enum does.
                Decision = (ApprovalDecision)(int)a.Decision,
                DecidedBy = a.DecidedBy,
                DecidedAt = a.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
                Reason = a.Reason,
            }),
        },
        FirstReviewer = file.FirstReviewer,
        SecondReviewer = file.SecondReviewer,
        NoticeEndsAt = file.NoticeEndsAt is { } ends ? Timestamp.FromDateTimeOffset(ends) : null,
    };

    public static RectificationFile ToProto(this Contracts.Rectification.RectificationFile file, bool reportOverdue) => new()
    {
        Responsible = file.Responsible,
        AssignedAt = Timestamp.FromDateTimeOffset(file.AssignedAt),
        ProgressReports = file.ProgressReports,
        LastReportAt = file.LastReportAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
        NextReportDue = Timestamp.FromDateTimeOffset(file.NextReportDue),
        ReportOverdue = reportOverdue,
    };

    // The proto enum numbers its kinds as the grains' enum does (case.proto).
    public static DocumentKind ToProto(this Contracts.Welfare.DocumentKind kind) =>
        System.Enum.IsDefined(kind) ? (DocumentKind)(int)kind : DocumentKind.Unspecified;

    /// <summary>The grains' document kind for a proto one, or null for unspecified or unknown values.</summary>
    public static Contracts.Welfare.DocumentKind? FromProto(this DocumentKind kind) =>
        kind != DocumentKind.Unspecified && System.Enum.IsDefined((Contracts.Welfare.DocumentKind)(int)kind) ? (Contracts.Welfare.DocumentKind)(int)kind : null;

    public static QueuedCase ToProto(this QueuedCaseInfo entry) => new()
    {
        CaseId = entry.CaseId,
        CellId = entry.CellId,
        Category = entry.Category,
        Status = entry.Status.ToProto(),
        DispatchedAt = Timestamp.FromDateTimeOffset(entry.DispatchedAt),
        ChangedAt = Timestamp.FromDateTimeOffset(entry.ChangedAt),
        Deadline = entry.Deadline?.ToProto(),
        Overdue = entry.Overdue,
    };

    public static Contracts.V1.CaseDeadline ToProto(this Contracts.Deadlines.CaseDeadline deadline) => new()
    {
        // The proto enum numbers its kinds as the grains' enum does.
        Kind = System.Enum.IsDefined(deadline.Kind) ? (DeadlineKind)(int)deadline.Kind : DeadlineKind.Unspecified,
        Limit = Duration.FromTimeSpan(deadline.Limit),
        DueAt = deadline.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
        Remaining = deadline.Remaining is { } left ? Duration.FromTimeSpan(left) : null,
        EscalationLevel = deadline.Escalations,
        HandledAt = deadline.HandledAt is { } handled ? Timestamp.FromDateTimeOffset(handled) : null,
    };

    public static CaseListEntry ToProto(this CaseListItem item) => new()
    {
        CaseId = item.CaseId,
        CellId = item.CellId,
        Kind = item.Kind.ToProto(),
        Category = item.Category,
        Status = item.Status.ToProto(),
        OpenedAt = Timestamp.FromDateTimeOffset(item.OpenedAt),
        Headline = item.Headline,
        Location = item.Location.ToProto(),
        Department = item.Department,
        DueAt = item.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
        Overdue = item.Overdue,
    };

    // The proto enum numbers its kinds as the grains' enum does (common.proto).
    public static Contracts.V1.CaseKind ToProto(this Contracts.Cases.CaseKind kind) =>
        System.Enum.IsDefined(kind) ? (Contracts.V1.CaseKind)(int)kind : Contracts.V1.CaseKind.Unspecified;

    public static CaseSummary ToProto(this CaseSummaryInfo summary) => new()
    {
        CaseId = summary.CaseId,
        Category = summary.Category,
        Status = summary.Status.ToProto(),
        OpenedAt = Timestamp.FromDateTimeOffset(summary.OpenedAt),
        Headline = summary.Headline,
        ReportCount = summary.ReportCount,
    };

    // The proto enums number their values as the grains' enums do (common.proto, case.proto).
    public static CaseStatus ToProto(this CaseStatusKind status) =>
        System.Enum.IsDefined(status) ? (CaseStatus)(int)status : CaseStatus.Unspecified;

    public static Contracts.V1.CaseAction ToProto(this Contracts.Cases.CaseAction action) =>
        System.Enum.IsDefined(action) ? (Contracts.V1.CaseAction)(int)action : Contracts.V1.CaseAction.Unspecified;

    /// <summary>The grains' step for a proto step, or null for unspecified or unknown values.</summary>
    public static Contracts.Cases.CaseAction? FromProto(this Contracts.V1.CaseAction action) =>
        action != Contracts.V1.CaseAction.Unspecified && System.Enum.IsDefined((Contracts.Cases.CaseAction)(int)action) ? (Contracts.Cases.CaseAction)(int)action : null;

    public static ReportSource ToProto(this ReportChannel channel) => channel switch
    {
        ReportChannel.GridWorker => ReportSource.GridWorker,
        ReportChannel.CitizenApp => ReportSource.CitizenApp,
        ReportChannel.Hotline => ReportSource.Hotline,
        ReportChannel.Sensor => ReportSource.Sensor,
        _ => ReportSource.Unspecified,
    };

    public static GeoPoint ToProto(this GeoLocation location) =>
        new() { Latitude = location.Latitude, Longitude = location.Longitude };
}
