using System.Text.RegularExpressions;
using Governance.City.Map;
using Governance.Contracts.Cases;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>
/// Turns a ReportRequest into an <see cref="IncomingReport"/> for its cell, or names every field that is
/// wrong. Nothing reaches a grain before this has passed.
/// </summary>
public sealed partial class ReportValidator(CityMap city, TimeProvider time)
{
    /// <summary>The validated report and the cell it belongs to.</summary>
    public sealed record Result(IncomingReport Report, string CellId);

    public Result Validate(ReportRequest request)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "external_id", request.ExternalId, ReportLimits.ExternalIdMaxLength);
        TextRules.RequireIdentifier(violations, "reporter_id", request.ReporterId, ReportLimits.ReporterIdMaxLength);
        var channel = ValidateSource(violations, request.Source);
        ValidateCategory(violations, request.Category);
        ValidateDescription(violations, request.Description);
        var reportedAt = TimeRules.Validate(violations, "reported_at", request.ReportedAt, time.GetUtcNow());
        var (cellId, point) = PlaceRules.Resolve(
            violations,
            city,
            request.LocationCase == ReportRequest.LocationOneofCase.Point ? request.Point : null,
            request.LocationCase == ReportRequest.LocationOneofCase.CellId ? request.CellId : null);
        var kind = request.Kind switch
        {
            Contracts.V1.CaseKind.Unspecified or Contracts.V1.CaseKind.Incident => Contracts.Cases.CaseKind.Incident,
            Contracts.V1.CaseKind.Petition => Contracts.Cases.CaseKind.Petition,
            Contracts.V1.CaseKind.Dispute => Contracts.Cases.CaseKind.Dispute,
            Contracts.V1.CaseKind.Welfare => Contracts.Cases.CaseKind.Welfare,
            Contracts.V1.CaseKind.Rectification => Contracts.Cases.CaseKind.Rectification,
            _ => Unknown(violations, request.Kind),
        };
        violations.ThrowIfAny();

        var report = new IncomingReport(
            request.ExternalId, channel, request.Category, request.Description, point, reportedAt, request.ReporterId)
        {
            Kind = kind,
        };
        return new Result(report, cellId!);
    }

    private static Contracts.Cases.CaseKind Unknown(FieldViolations violations, Contracts.V1.CaseKind kind)
    {
        violations.Add("kind", $"{(int)kind} is not a kind of case a report opens (incident, petition, dispute, welfare or rectification)");
        return default;
    }

    private static ReportChannel ValidateSource(FieldViolations violations, ReportSource source)
    {
        switch (source)
        {
            case ReportSource.GridWorker: return ReportChannel.GridWorker;
            case ReportSource.CitizenApp: return ReportChannel.CitizenApp;
            case ReportSource.Hotline: return ReportChannel.Hotline;
            case ReportSource.Sensor: return ReportChannel.Sensor;
            case ReportSource.Unspecified:
                violations.Add("source", "is required (grid worker, citizen app, hotline or sensor)");
                return default;
            default:
                violations.Add("source", $"{(int)source} is not a known source");
                return default;
        }
    }

    private static void ValidateCategory(FieldViolations violations, string category)
    {
        if (string.IsNullOrEmpty(category))
        {
            violations.Add("category", "is required");
        }
        else if (category.Length > ReportLimits.CategoryMaxLength)
        {
            violations.Add("category", $"is {category.Length} characters long; at most {ReportLimits.CategoryMaxLength} are allowed");
        }
        else if (!CategoryPattern().IsMatch(category))
        {
            violations.Add("category", "must be a code of a-z, 0-9, '.', '_' and '-', starting with a letter or digit (e.g. road.pothole)");
        }
    }

    private static void ValidateDescription(FieldViolations violations, string description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            violations.Add("description", "is required and must not be only white space");
        }
        else if (description.Length > ReportLimits.DescriptionMaxLength)
        {
            violations.Add("description", $"is {description.Length} characters long; at most {ReportLimits.DescriptionMaxLength} are allowed");
        }
        else if (description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add("description", "must not contain control characters other than line breaks and tabs");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
