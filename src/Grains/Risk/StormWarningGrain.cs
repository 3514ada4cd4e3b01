using System.Collections.Immutable;
using System.Globalization;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Risk.Features;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>
/// A storm warning: every household of the area read from one table, scored in one batch with the model this silo
/// serves, ranked; each cell rated in its live state; a visit case opened in its cell for each flagged household, naming
/// the cell's grid worker and why. Report ids are the warning's and the household's, so issuing it again adds nothing.
/// </summary>
[StatelessWorker]
public sealed class StormWarningGrain(
    ActiveFloodModel active, IPeopleIndex people, ICaseListStore cases, CityMap city, CityClock clock, RiskOptions options, IGrainFactory grains)
    : Grain, IStormWarningGrain
{
    /// <summary>The category of the visit cases; they never merge (each is one household's).</summary>
    public const string Category = "storm.flood-visit";

    /// <summary>Who reports them.</summary>
    public const string Reporter = "storm-warning";

    private const int CellsAtOnce = 64;

    public async Task<StormWarningResult> IssueAsync(StormWarningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (active.Current is not { } model)
        {
            return new StormWarningResult(0, 0, 0, 0, 0, [], []);
        }

        var now = clock.GetUtcNow();
        var cellIds = request.Area.Length == 0 ? city.Cells.Select(c => c.Code).ToList()
            : city.TryGetCell(request.Area, out _) ? [request.Area]
            : city.CellsInArea(request.Area).Select(c => c.Code).ToList();
        var rows = await people.HouseholdRowsInCellsAsync(cellIds);
        var lowest = rows.GroupBy(r => r.CellId).ToDictionary(g => g.Key, g => g.Min(r => r.ElevationMeters), StringComparer.Ordinal);
        var floods = await cases.CountByCellAsync(HouseholdFeatures.FloodCategory, now);
        var features = rows.Select(row => HouseholdFeatures.Of(
            row, CellFacts.Of(row.CellId, city, lowest, floods, row.ElevationMeters), request.Forecast, now.Year, options.DrainageMmPerHour)).ToList();
        var probabilities = model.Scorer.Score(features);
        var threshold = request.Threshold ?? model.Threshold;

        // Per cell, likeliest first: its rating, its flagged households, and those that get a case.
        var ratings = new Dictionary<string, CellFloodRisk>(StringComparer.Ordinal);
        var flagged = new List<int>();
        var withCase = new HashSet<int>();
        foreach (var cell in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].CellId))
        {
            var ranked = cell.OrderByDescending(i => probabilities[i]).ToList();
            var cellFlagged = ranked.TakeWhile(i => probabilities[i] >= threshold).ToList();
            flagged.AddRange(cellFlagged);
            withCase.UnionWith(request.MaxCasesPerCell > 0 ? cellFlagged.Take(request.MaxCasesPerCell) : cellFlagged);
            var highest = probabilities[ranked[0]];
            var level = cellFlagged.Count >= 3 || highest >= 0.8 ? FloodRiskLevel.Severe
                : cellFlagged.Count > 0 ? FloodRiskLevel.High
                : highest >= threshold / 2 ? FloodRiskLevel.Medium
                : FloodRiskLevel.Low;
            ratings[cell.Key] = new CellFloodRisk(level, highest, cellFlagged.Count, ranked.Count, request.WarningId, model.Version, now);
        }

        flagged.Sort((a, b) => probabilities[b].CompareTo(probabilities[a]));
        var contributions = model.Scorer.Explain(flagged.Select(i => features[i]).ToList());
        var why = flagged.Select((row, n) => (row, n)).ToDictionary(p => p.row, p => contributions[p.n]);
        var workers = await people.WorkersOfAsync(ratings.Keys.ToList());
        var caseIds = new Dictionary<int, string>();
        await Parallel.ForEachAsync(ratings, new ParallelOptions { MaxDegreeOfParallelism = CellsAtOnce }, async (rating, _) =>
        {
            var cell = grains.Cell(rating.Key);
            await cell.SetFloodRiskAsync(rating.Value);
            var visits = flagged.Where(i => rows[i].CellId == rating.Key && withCase.Contains(i)).ToList();
            if (visits.Count == 0)
            {
                return;
            }

            var worker = workers.GetValueOrDefault(rating.Key, "");
            var receipts = await cell.ProcessAsync([.. visits.Select(i => Report(request, model.Version, rows[i], probabilities[i], features[i], why[i], worker, now))]);
            await cell.FlushAsync();
            lock (caseIds)
            {
                for (var n = 0; n < visits.Count; n++)
                {
                    caseIds[visits[n]] = receipts[n].CaseId;
                }
            }
        });

        var listed = flagged.Take(request.ListLimit).Select(i => new WarnedHousehold(
            rows[i].HouseholdId, rows[i].CellId, probabilities[i], caseIds.GetValueOrDefault(i, ""), workers.GetValueOrDefault(rows[i].CellId, ""), [.. features[i]], [.. why[i]]));
        return new StormWarningResult(model.Version, rows.Count, ratings.Count, flagged.Count, caseIds.Count, [.. listed],
            [.. ratings.Where(r => r.Value.Level >= FloodRiskLevel.Medium).OrderByDescending(r => r.Value.HighestProbability).Select(r => (r.Key, r.Value))]);
    }

    /// <summary>The visit case's report: who is at risk, how likely, whom to send, and the three strongest reasons.</summary>
    public static IncomingReport Report(
        StormWarningRequest request, long modelVersion, HouseholdRow household, double probability, float[] features, float[] why, string worker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(why);
        var reasons = Enumerable.Range(0, FloodFeatures.Count).OrderByDescending(f => why[f]).Take(3)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{FloodFeatures.All[f].Column} {features[f]:0.##} ({why[f]:+0.00;-0.00})"));
        var visitor = worker.Length > 0 ? $"grid worker {worker}" : "the cell's grid worker (none is assigned)";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Storm warning {request.WarningId}: household {household.HouseholdId} may flood (probability {probability:0.00}, model version {modelVersion}) under {request.Forecast.RainfallMm24h:0} mm in 24 h over {request.Forecast.DurationHours:0.#} h. Visit by {visitor}. Why: {string.Join(", ", reasons)}.");
        return new IncomingReport($"storm-warning:{request.WarningId}:{household.HouseholdId}", ReportChannel.GridWorker, Category, description, null, now, Reporter);
    }
}
