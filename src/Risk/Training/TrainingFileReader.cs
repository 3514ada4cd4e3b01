using System.Globalization;
using Governance.Risk.Features;

namespace Governance.Risk.Training;

/// <summary>
/// Reads a training file's records (CSV: household_id, the feature columns of <see cref="FloodFeatures"/>, flooded, and
/// for synthetic files true_probability) one at a time, and refuses the file, before any training, when a column is missing, a value is not of its type, or only
/// one class is there.
/// </summary>
public sealed class TrainingFileReader
{
    public const string IdColumn = "household_id";
    public const string LabelColumn = "flooded";

    /// <summary>Optional: synthetic files carry the probability each outcome was drawn with.</summary>
    public const string TruthColumn = "true_probability";

    /// <summary>At most this many bad values are listed; the rest are counted.</summary>
    private const int ListedProblems = 20;

    private readonly Dictionary<string, int> _positions;
    private readonly List<string> _ids = [];
    private readonly List<FloodExample> _examples = [];
    private readonly List<double>? _truth;
    private readonly int _truthPosition;
    private readonly List<string> _problems = [];
    private readonly string _missingColumns = "";
    private int _problemCount;

    /// <param name="header">The file's column names.</param>
    public TrainingFileReader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _positions = Columns.ToDictionary(c => c, c => IndexOf(header, c));
        _truthPosition = IndexOf(header, TruthColumn);
        _truth = _truthPosition >= 0 ? [] : null;
        var missing = Columns.Where(c => _positions[c] < 0).ToList();
        if (missing.Count > 0)
        {
            _missingColumns = $"the file lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; a training file has {string.Join(", ", Columns)}";
        }
    }

    public static IReadOnlyList<string> Columns { get; } = [IdColumn, .. FloodFeatures.All.Select(f => f.Column), LabelColumn];

    /// <summary>Why the file is refused already (its header), or empty: then read on.</summary>
    public string HeaderRefusal => _missingColumns;

    /// <summary>Rows read so far, good and bad.</summary>
    public long RowsRead { get; private set; }

    /// <summary>The whole file at once.</summary>
    public static TrainingFileResult Read(IReadOnlyList<string> header, IEnumerable<(long Line, IReadOnlyList<string> Fields)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var reader = new TrainingFileReader(header);
        if (reader.HeaderRefusal.Length == 0)
        {
            foreach (var (line, fields) in records)
            {
                reader.Add(line, fields);
            }
        }

        return reader.Finish();
    }

    /// <summary>Reads one data record; <paramref name="line"/> is its line in the file, for the reasons.</summary>
    public void Add(long line, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        RowsRead++;
        var example = new FloodExample();
        var rowProblems = 0;
        void Problem(string column, string reason)
        {
            rowProblems++;
            if (++_problemCount <= ListedProblems)
            {
                _problems.Add($"line {line}, {column}: {reason}");
            }
        }

        string Field(string column) => _positions[column] < fields.Count ? fields[_positions[column]].Trim() : "";

        var id = Field(IdColumn);
        if (id.Length == 0)
        {
            Problem(IdColumn, "is empty");
        }

        for (var i = 0; i < FloodFeatures.Count; i++)
        {
            var column = FloodFeatures.All[i].Column;
            var text = Field(column);
            if (i == FloodFeatures.Construction)
            {
                var code = IndexOf(FloodFeatures.Constructions, text);
                if (code < 0)
                {
                    Problem(column, $"'{text}' is not one of {string.Join(", ", FloodFeatures.Constructions)}");
                }

                example.Features[i] = code;
            }
            else if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value))
            {
                example.Features[i] = value;
            }
            else
            {
                Problem(column, $"'{text}' is not a number");
            }
        }

        switch (Field(LabelColumn).ToLowerInvariant())
        {
            case "true" or "1": example.Label = true; break;
            case "false" or "0": example.Label = false; break;
            default: Problem(LabelColumn, $"'{Field(LabelColumn)}' is not true, false, 1 or 0"); break;
        }

        var truth = 0.0;
        if (_truth is not null)
        {
            var text = _truthPosition < fields.Count ? fields[_truthPosition].Trim() : "";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out truth) || !(truth >= 0 && truth <= 1))
            {
                Problem(TruthColumn, $"'{text}' is not a probability between 0 and 1");
            }
        }

        if (rowProblems == 0 && _problemCount == 0)
        {
            _ids.Add(id);
            _examples.Add(example);
            _truth?.Add(truth);
        }
    }

    /// <summary>The training set, or why the file is refused.</summary>
    public TrainingFileResult Finish()
    {
        if (_missingColumns.Length > 0)
        {
            return TrainingFileResult.Refused(_missingColumns);
        }

        if (_problemCount > 0)
        {
            var more = _problemCount > ListedProblems ? $"\n… and {_problemCount - ListedProblems} more" : "";
            return TrainingFileResult.Refused($"{_problemCount} bad value{(_problemCount > 1 ? "s" : "")}:\n{string.Join('\n', _problems)}{more}");
        }

        var flooded = _examples.Count(e => e.Label);
        if (flooded == 0 || flooded == _examples.Count)
        {
            return TrainingFileResult.Refused(_examples.Count == 0
                ? "the file has no rows"
                : $"all {_examples.Count:N0} rows are flooded={(flooded == 0 ? "false" : "true")}: a classifier needs examples of both outcomes");
        }

        return TrainingFileResult.Read(new TrainingSet(_ids, _examples, _truth));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A training file read, or why it was refused.</summary>
public sealed record TrainingFileResult(TrainingSet? Set, string Refusal)
{
    public static TrainingFileResult Read(TrainingSet set) => new(set, "");

    public static TrainingFileResult Refused(string reason) => new(null, reason);
}
