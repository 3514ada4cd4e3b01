using Governance.Contracts.Cases;
using Governance.Grains.Sensors;

namespace Governance.Grains.Cells;

/// <summary>What a cell grain stores (as JSON, under the state name "cell"). Geography is not stored: the city map has it.</summary>
public sealed class CellState
{
    // Reports received and cases opened are counted from the open case rows (GridCellGrain.GetSnapshotAsync); states
    // stored by earlier versions still hold them, and they are ignored.

    public long Retries { get; set; }

    /// <summary>Reports merged into an open case (where each went is in the report link store).</summary>
    public long ReportsMerged { get; set; }

    /// <summary>Sensors in the cell by sensor id: latest reading and alarm.</summary>
    public Dictionary<string, SensorState> Sensors { get; set; } = [];

    /// <summary>
    /// Open cases by case id, as versions before the open case rows (<see cref="Storage.IOpenCaseStore"/>) stored them:
    /// read once at activation, moved to rows, and stored empty from then on.
    /// </summary>
    public Dictionary<string, CaseSummaryInfo> OpenCases { get; set; } = [];

    /// <summary>The latest storm warning's rating of the cell; null before any.</summary>
    public Contracts.Cells.CellFloodRisk? FloodRisk { get; set; }
}
