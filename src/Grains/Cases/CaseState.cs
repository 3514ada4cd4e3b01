using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Rectification;
using Governance.Contracts.Welfare;

namespace Governance.Grains.Cases;

/// <summary>What a case grain stores (as JSON, under the state name "case").</summary>
public sealed class CaseState
{
    public string CellId { get; set; } = "";

    /// <summary>What kind of case it is; its statuses and steps follow from it.</summary>
    public CaseKind Kind { get; set; } = CaseKind.Incident;

    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    public GeoLocation Location { get; set; } = new(0, 0);

    public CaseStatusKind Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The department the case was last dispatched to; empty until dispatched.</summary>
    public string Department { get; set; } = "";

    /// <summary>When the case was last dispatched (a rework dispatches it again).</summary>
    public DateTimeOffset DispatchedAt { get; set; }

    /// <summary>Its handling clock since it was last dispatched; null before that and after a return.</summary>
    public CaseDeadline? Deadline { get; set; }

    /// <summary>The report that opened the case. Every reporter, this one included, is a row in the report link store.</summary>
    public ReporterEntry? FirstReporter { get; set; }

    public List<CaseEventEntry> History { get; set; } = [];

    /// <summary>Reporters' ratings of the closed case, one per reporter, oldest first.</summary>
    public List<CaseRating> Ratings { get; set; } = [];

    /// <summary>A welfare application's documents, checks and reviews; null for other kinds.</summary>
    public WelfareFile? Welfare { get; set; }

    /// <summary>A rectification task's responsible person and progress reports; null for other kinds.</summary>
    public RectificationFile? Rectification { get; set; }

    /// <summary>
    /// Duplicates that reached the case before its own first report opened it, as versions before cells linked
    /// duplicates themselves stored them; they join the reporters when the case opens. Nothing adds to it now.
    /// </summary>
    public List<ReporterEntry> Waiting { get; set; } = [];

    /// <summary>True once the first report opened the case.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => OpenedAt != default;
}
