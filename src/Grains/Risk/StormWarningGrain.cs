using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Risk.Features;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>
/// A storm warning: every household of the area read from one table, scored in one batch with the model this silo
/// serves, ranked; each cell rated in its live state; a visit (or evacuation) case opened in its cell for each flagged
/// household (from the threshold, or each cell's likeliest few), naming the cell's grid worker and why, and kept with its
/// features for the outcome to be recorded on. Report ids are the warning's and the household's, so issuing it again
/// adds nothing.
/// </summary>
[StatelessWorker]
public sealed partial class StormWarningGrain(
    ActiveFloodModel active, IPeopleIndex people, ICaseListStore cases, IStormVisitStore visitStore, CityMap city, CityClock clock, RiskOptions options,
    IGrainFactory grains, ILogger<StormWarningGrain> logger)
    : Grain, IStormWarningGrain
{
    /// <summary>The category of the visit cases; they never merge (each is one household's).</summary>
    public const string Category = "storm.flood-visit";

    /// <summary>The category of the evacuation cases, for households from the request's evacuation probability.</summary>
    public const string EvacuationCategory = "storm.evacuation";

    /// <summary>Who reports them.</summary>
    public const string Reporter = "storm-warning";

    // Cells rated and given their cases at once: their writes then reach the live store together and commit in a few
    // large transactions; 64 at a time took ten times as long over a city (docs/benchmarks.md, StormWarning.Bench).
    private const int CellsAtOnce = 1024;

    public async Task<StormWarningResult> IssueAsync(StormWarningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (active.Current is not { } model)
        {
            return new StormWarningResult(0, 0, 0, 0, 0, [], []);
        }

        var now = clock.GetUtcNow();
        var phases = Stopwatch.StartNew();
        var reading = people.HouseholdRowsInCellsAsync(city.CellCodesIn(request.Area));
        var floods = await cases.CountByCellAsync(HouseholdFeatures.FloodCategory, now);
        var rows = await reading;
        var read = phases.Elapsed;

        // The arithmetic runs on the thread pool, not in the grain's turn: a city's households take seconds of CPU.
        var threshold = request.Threshold ?? model.Threshold;
        var (features, probabilities, ratings, flagged, withCase) = await Task.Run(() => Rank(request, model, rows, floods, threshold, now));
        var scored = phases.Elapsed;

        // The cells are rated while the households that get a case or are answered are explained (explaining costs
        // twenty scores, so no one else is).
        var rating = Parallel.ForEachAsync(ratings, new ParallelOptions { MaxDegreeOfParallelism = CellsAtOnce },
            async (rating, _) => await grains.Cell(rating.Key).SetFloodRiskAsync(rating.Value));
        var explained = flagged.Where(withCase.Contains).Union(flagged.Take(request.ListLimit)).ToList();
        var contributions = await Task.Run(() => model.Scorer.Explain(explained.Select(i => features[i]).ToList()));
        var why = explained.Select((row, n) => (row, n)).ToDictionary(p => p.row, p => contributions[p.n]);
        var workers = await people.WorkersOfAsync(ratings.Keys.ToList());
        await rating;
        var rated = phases.Elapsed;
        var visitsByCell = flagged.Where(withCase.Contains).GroupBy(i => rows[i].CellId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var caseIds = new Dictionary<int, string>();
        await Parallel.ForEachAsync(visitsByCell, new ParallelOptions { MaxDegreeOfParallelism = CellsAtOnce }, async (pair, _) =>
        {
            var (cellId, visits) = pair;
            var worker = workers.GetValueOrDefault(cellId, "");
            var receipts = await grains.Cell(cellId).ProcessAsync([.. visits.Select(i => Report(request, model.Version, rows[i], probabilities[i], features[i], why[i], worker, now))]);
            lock (caseIds)
            {
                for (var n = 0; n < visits.Count; n++)
                {
                    caseIds[visits[n]] = receipts[n].CaseId;
                }
            }
        });
        var opened = phases.Elapsed;

        // Every cell's cases are stored before the answer; meanwhile the visits are kept with the features as scored, so
        // that the outcomes recorded on the cases become the next training data. (Both are keyed by the case: issued
        // again after a failure, the warning writes the same rows.)
        var keeping = visitStore.AddAsync([.. caseIds.Select(pair => new StormVisit(
            pair.Value, request.WarningId, rows[pair.Key].HouseholdId, rows[pair.Key].CellId, now, model.Version, probabilities[pair.Key], features[pair.Key]))]);
        await Parallel.ForEachAsync(visitsByCell.Keys, new ParallelOptions { MaxDegreeOfParallelism = CellsAtOnce }, async (cellId, _) => await grains.Cell(cellId).StoreNowAsync());
        await keeping;
        LogIssued(logger, request.WarningId, rows.Count, flagged.Count, caseIds.Count,
            read.TotalSeconds, (scored - read).TotalSeconds, (rated - scored).TotalSeconds, (opened - rated).TotalSeconds, (phases.Elapsed - opened).TotalSeconds);
        var listed = flagged.Take(request.ListLimit).Select(i => new WarnedHousehold(
            rows[i].HouseholdId, rows[i].CellId, probabilities[i], caseIds.GetValueOrDefault(i, ""), workers.GetValueOrDefault(rows[i].CellId, ""), [.. features[i]], [.. why[i]]));
        return new StormWarningResult(model.Version, rows.Count, ratings.Count, flagged.Count, caseIds.Count, [.. listed],
            [.. ratings.Where(r => r.Value.Level >= FloodRiskLevel.Medium).OrderByDescending(r => r.Value.HighestProbability).Select(r => (r.Key, r.Value))]);
    }

    /// <summary>Features, scores, each cell's rating, the flagged households likeliest first, and those that get a case.</summary>
    /// <remarks>Rows are bucketed by cell in two passes and each bucket sorted on its own: a city's million rows are never sorted as one.</remarks>
    private (float[][] Features, IReadOnlyList<double> Probabilities, Dictionary<string, CellFloodRisk> Ratings, List<int> Flagged, HashSet<int> WithCase) Rank(
        StormWarningRequest request, ServingModel model, IReadOnlyList<HouseholdRow> rows, IReadOnlyDictionary<string, int> floods, double threshold, DateTimeOffset now)
    {
        var features = HouseholdFeatures.OfAll(rows, floods, city, request.Forecast, now.Year, options.DrainageMmPerHour);
        var probabilities = model.Scorer.Score(features);
        var cellIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cellOf = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!cellIndex.TryGetValue(rows[i].CellId, out var cell))
            {
                cell = cellIndex.Count;
                cellIndex.Add(rows[i].CellId, cell);
            }

            cellOf[i] = cell;
        }


        // Bucket the rows by cell (counting, then placing), then sort each bucket likeliest first.
        var starts = new int[cellIndex.Count + 1];
        foreach (var cell in cellOf)
        {
            starts[cell + 1]++;
        }

        for (var c = 0; c < cellIndex.Count; c++)
        {
            starts[c + 1] += starts[c];
        }

        var byCell = new int[rows.Count];
        var keys = new double[rows.Count];
        var next = (int[])starts.Clone();
        for (var i = 0; i < rows.Count; i++)
        {
            var at = next[cellOf[i]]++;
            byCell[at] = i;
            keys[at] = -probabilities[i];
        }

        var ratings = new Dictionary<string, CellFloodRisk>(StringComparer.Ordinal);
        var flagged = new List<int>();
        var withCase = new HashSet<int>();
        foreach (var (cellId, c) in cellIndex)
        {
            var (from, count) = (starts[c], starts[c + 1] - starts[c]);
            Array.Sort(keys, byCell, from, count);
            var above = 0;
            while (above < count && -keys[from + above] >= threshold)
            {
                above++;
            }

            // The cell's flagged households lead its sorted bucket: those from the threshold, or its likeliest few.
            var cellFlagged = request.TopPerCell > 0 ? Math.Min(request.TopPerCell, count) : above;
            for (var n = 0; n < cellFlagged; n++)
            {
                var row = byCell[from + n];
                flagged.Add(row);
                if (request.MaxCasesPerCell == 0 || n < request.MaxCasesPerCell)
                {
                    withCase.Add(row);
                }
            }

            // The level says how likely flooding is, whichever households were chosen for visits.
            var highest = -keys[from];
            var level = above >= 3 || highest >= 0.8 ? FloodRiskLevel.Severe
                : above > 0 ? FloodRiskLevel.High
                : highest >= threshold / 2 ? FloodRiskLevel.Medium
                : FloodRiskLevel.Low;
            ratings[cellId] = new CellFloodRisk(level, highest, cellFlagged, count, request.WarningId, model.Version, now);
        }

        flagged.Sort((a, b) => probabilities[b].CompareTo(probabilities[a]));
        return (features, probabilities, ratings, flagged, withCase);
    }

    /// <summary>
    /// The case's report: who is at risk, how likely, whom to send, and the three strongest reasons; an evacuation from
    /// the request's <see cref="StormWarningRequest.EvacuateFrom"/>, a visit below it.
    /// </summary>
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
        var evacuate = probability >= request.EvacuateFrom;
        var action = evacuate ? $"Evacuate the household, led by {visitor}" : $"Visit by {visitor}";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Storm warning {request.WarningId}: household {household.HouseholdId} may flood (probability {probability:0.00}, model version {modelVersion}) under {request.Forecast.RainfallMm24h:0} mm in 24 h over {request.Forecast.DurationHours:0.#} h. {action}. Why: {string.Join(", ", reasons)}.");
        return new IncomingReport(
            $"storm-warning:{request.WarningId}:{household.HouseholdId}", ReportChannel.GridWorker, evacuate ? EvacuationCategory : Category, description, null, now, Reporter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storm warning {WarningId}: {Households} households scored, {Flagged} flagged, {Cases} cases; read {Read:0.00} s, scored and ranked {Scored:0.00} s, cells rated and households explained {Rated:0.00} s, cases opened {Opened:0.00} s, cases and visits stored {Stored:0.00} s")]
    private static partial void LogIssued(ILogger logger, string warningId, int households, int flagged, int cases, double read, double scored, double rated, double opened, double stored);
}
