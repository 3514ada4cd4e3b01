using System.Diagnostics;
using System.Globalization;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

// Trains the flood model on ROWS synthetic rows (FastTree, then LightGBM) and, as the baseline of the same run, on a
// tenth of them; then scores ROWS households in one batch, three times, beside the same rows read through ML.NET without
// a model (what scoring cannot go below). Single-threaded training, as the platform trains (repeatable models).
// Usage: Risk.Bench [ROWS]   (default 1,000,000)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
Console.WriteLine($"Risk.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {rows:N0} rows, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var started = Stopwatch.GetTimestamp();
var sample = SyntheticFloodData.Generate(rows, seed: 42);
var tenth = SyntheticFloodData.Generate(rows / 10, seed: 42);
Console.WriteLine($"synthetic rows: {rows:N0} + {rows / 10:N0} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s ({sample.Set.Flooded:N0} flooded)");

var table = new List<string>();
foreach (var trainer in new[] { TrainerKind.FastTree, TrainerKind.LightGbm })
{
    var small = Time(() => FloodModelTrainer.Train(tenth.Set, new TrainingOptions(trainer)));
    var full = Time(() => FloodModelTrainer.Train(sample.Set, new TrainingOptions(trainer)));
    var best = Governance.Risk.Evaluation.MetricsCalculator.Compute(
        full.Result.TestRows.Select(r => SyntheticFloodData.TrueProbability(r.Features)).ToList(), full.Result.TestRows.Select(r => r.Label).ToList()).Auc;
    Console.WriteLine($"{trainer}: {rows / 10:N0} rows in {small.Seconds:0.0} s, {rows:N0} rows in {full.Seconds:0.0} s (AUC {full.Result.Metrics.Auc:0.0000}, best possible {best:0.0000}), peak RSS so far {PeakMib():N0} MiB");
    table.Add($"| {trainer} | {rows:N0} ({full.Result.TrainingRows:N0} trained on) | {full.Seconds:0.0} s | {small.Seconds:0.0} s | {full.Seconds / small.Seconds:0.0}× | {full.Result.Metrics.Auc:0.0000} / {best:0.0000} |");
}

Console.WriteLine();
Console.WriteLine("| trainer | rows | training (incl. evaluation) | a tenth of the rows | ratio | AUC / best possible |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
table.ForEach(Console.WriteLine);

// Scoring: the whole set in one batch, three times, with the trees walked directly (what the platform does) and through
// ML.NET's transform; the baseline reads the same rows through ML.NET with no model.
var model = FloodModelTrainer.Train(tenth.Set, new TrainingOptions());
var features = sample.Set.Examples.Select(e => e.Features).ToList();
var ml = new MLContext(seed: 1);
var scoring = new List<double>();
var transforming = new List<double>();
var reading = new List<double>();
for (var round = 0; round < 3; round++)
{
    reading.Add(Time(() => ml.Data.LoadFromEnumerable(sample.Set.Examples).GetColumn<float[]>("Features").Count()).Seconds);
    scoring.Add(Time(() => model.Scorer.Score(features)).Seconds);
    transforming.Add(Time(() => model.Scorer.ScoreWithMlNet(features)).Seconds);
}

var explain = Time(() => model.Scorer.Explain(features.Take(10_000).ToList()));
var scoreMedian = scoring.Order().ElementAt(1);
var transformMedian = transforming.Order().ElementAt(1);
var readMedian = reading.Order().ElementAt(1);
Console.WriteLine();
Console.WriteLine("| what | rows | median of 3 | rows/s | vs. reading the rows |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| read the rows through ML.NET (baseline) | {rows:N0} | {readMedian:0.00} s | {rows / readMedian:N0} | 1.0× |");
Console.WriteLine($"| score (FastTree, 100 trees), trees walked directly | {rows:N0} | {scoreMedian:0.00} s | {rows / scoreMedian:N0} | {scoreMedian / readMedian:0.0}× |");
Console.WriteLine($"| score, the same model through ML.NET's transform | {rows:N0} | {transformMedian:0.00} s | {rows / transformMedian:N0} | {transformMedian / readMedian:0.0}× |");
Console.WriteLine($"| explain (contributions per feature), once | 10,000 | {explain.Seconds:0.00} s | {10_000 / explain.Seconds:N0} | |");
Console.WriteLine($"peak RSS {PeakMib():N0} MiB; total {Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min");

static (T Result, double Seconds) Time<T>(Func<T> work)
{
    var started = Stopwatch.GetTimestamp();
    var result = work();
    return (result, Stopwatch.GetElapsedTime(started).TotalSeconds);
}

// VmHWM: the process's peak resident set so far.
static long PeakMib()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
