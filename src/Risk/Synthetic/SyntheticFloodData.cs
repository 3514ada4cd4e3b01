using Governance.Risk.Features;
using Governance.Risk.Training;

namespace Governance.Risk.Synthetic;

/// <summary>
/// Made-up training data whose truth is known: households and storms drawn at random, each household flooding with a
/// probability given by a written formula, so the best AUC any model can reach on a sample (the formula's own) is
/// known and can be printed beside a trained model's. The process, also in docs/risk-model.md:
/// <list type="bullet">
/// <item>storm: rainfall R ~ U(40, 260) mm over 24 h, lasting H ~ U(3, 24) h; a cell's drainage D ~ U(15, 50) mm/h;</item>
/// <item>household: height above the cell's lowest ground E ~ Exp(mean 4 m) capped at 30 m; distance to the river
/// L ~ U(0, 3000) m; storey S: 1 (35 %), 2 (20 %), 3–6 (30 %), 7–30 (15 %); construction C: reinforced-concrete
/// (40 %), brick-concrete (40 %), brick-wood (15 %), earth-or-other (5 %), coded 0–3; dilapidated A ~ Bernoulli(0.04,
/// 0.2 for brick-wood and earth-or-other); age Y ~ U(0, 60) years; past flood reports P ~ Poisson(0.3 + 3·e^(−E/2)·e^(−L/800));</item>
/// <item>overflow O = max(0, R/H − D) mm/h;</item>
/// <item>z = −4.3 + 0.014·R + 0.11·O − 0.45·E − 0.0008·L + (1.1 if S = 1; 0 if S = 2; −2.5 above) + 0.35·C + 0.9·A
/// + 0.2·min(P, 6) + 0.006·Y;</item>
/// <item>P(flooded) = 1 / (1 + e^(−z)); flooded ~ Bernoulli(P(flooded)).</item>
/// </list>
/// The same seed gives the same rows. For the demo city, <see cref="DrawStorm"/> and <see cref="DrawOutcome"/> also
/// label its real households (their features as the platform computes them) under made-up storms.
/// </summary>
public static class SyntheticFloodData
{
    /// <summary><paramref name="count"/> labelled rows, each with the true probability it was drawn with.</summary>
    public static SyntheticSample Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var ids = new string[count];
        var examples = new FloodExample[count];
        var truth = new double[count];
        // Rows come in storms of 500 households of one cell's drainage, as a past storm's outcomes would.
        float rainfall = 0, hours = 0, drainage = 0;
        for (var i = 0; i < count; i++)
        {
            if (i % 500 == 0)
            {
                (rainfall, hours, drainage) = DrawStorm(random);
            }

            var features = new float[FloodFeatures.Count];
            var elevation = (float)Math.Min(30, -4 * Math.Log(1 - random.NextDouble()));
            var distance = Uniform(random, 0, 3000);
            var storey = Storey(random);
            var construction = Construction(random);
            var dilapidated = random.NextDouble() < (construction >= 2 ? 0.2 : 0.04) ? 1f : 0f;
            var age = Uniform(random, 0, 60);
            var reports = Poisson(random, 0.3 + 3 * Math.Exp(-elevation / 2) * Math.Exp(-distance / 800));
            features[FloodFeatures.ElevationAboveCellLowest] = elevation;
            features[FloodFeatures.DistanceToRiver] = distance;
            features[FloodFeatures.Storey] = storey;
            features[FloodFeatures.Construction] = construction;
            features[FloodFeatures.Dilapidated] = dilapidated;
            features[FloodFeatures.BuildingAge] = age;
            features[FloodFeatures.PastFloodReports] = reports;
            features[FloodFeatures.Drainage] = drainage;
            features[FloodFeatures.Rainfall] = rainfall;
            features[FloodFeatures.StormDuration] = hours;

            truth[i] = TrueProbability(features);
            ids[i] = $"syn-{i:D7}";
            examples[i] = new FloodExample { Features = features, Label = DrawOutcome(random, truth[i]) };
        }

        return new SyntheticSample(new TrainingSet(ids, examples, truth), truth);
    }

    /// <summary>A made-up storm: rainfall over 24 h, how long it lasts, and the drainage of the cells it falls on.</summary>
    public static (float RainfallMm24h, float Hours, float DrainageMmPerHour) DrawStorm(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return (Uniform(random, 40, 260), Uniform(random, 3, 24), Uniform(random, 15, 50));
    }

    /// <summary>Whether a household with this true probability floods, drawn.</summary>
    public static bool DrawOutcome(Random random, double trueProbability)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextDouble() < trueProbability;
    }

    /// <summary>The formula's probability that a household with these features floods.</summary>
    public static double TrueProbability(IReadOnlyList<float> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var overflow = Math.Max(0, f[FloodFeatures.Rainfall] / f[FloodFeatures.StormDuration] - f[FloodFeatures.Drainage]);
        var storey = f[FloodFeatures.Storey] <= 1 ? 1.1 : f[FloodFeatures.Storey] <= 2 ? 0 : -2.5;
        var z = -4.3
            + 0.014 * f[FloodFeatures.Rainfall]
            + 0.11 * overflow
            - 0.45 * f[FloodFeatures.ElevationAboveCellLowest]
            - 0.0008 * f[FloodFeatures.DistanceToRiver]
            + storey
            + 0.35 * f[FloodFeatures.Construction]
            + 0.9 * f[FloodFeatures.Dilapidated]
            + 0.2 * Math.Min(f[FloodFeatures.PastFloodReports], 6)
            + 0.006 * f[FloodFeatures.BuildingAge];
        return 1 / (1 + Math.Exp(-z));
    }

    private static float Uniform(Random random, double low, double high) => (float)(low + (high - low) * random.NextDouble());

    private static float Storey(Random random) => random.NextDouble() switch
    {
        < 0.35 => 1,
        < 0.55 => 2,
        < 0.85 => random.Next(3, 7),
        _ => random.Next(7, 31),
    };

    private static float Construction(Random random) => random.NextDouble() switch
    {
        < 0.40 => 0,
        < 0.80 => 1,
        < 0.95 => 2,
        _ => 3,
    };

    // Knuth's method: fine for the small means used here.
    private static float Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}

/// <summary>Synthetic rows and the true flood probability of each.</summary>
public sealed record SyntheticSample(TrainingSet Set, IReadOnlyList<double> TrueProbabilities);
