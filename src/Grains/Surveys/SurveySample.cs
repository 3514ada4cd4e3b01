namespace Governance.Grains.Surveys;

/// <summary>A simple random sample without replacement, drawn by a seeded partial Fisher–Yates shuffle.</summary>
public static class SurveySample
{
    /// <summary>
    /// <paramref name="size"/> of the <paramref name="population"/> (all of it when it has fewer), each equally likely.
    /// The same population, in the same order, and seed draw the same sample.
    /// </summary>
    public static IReadOnlyList<string> Draw(IReadOnlyList<string> population, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var pool = population.ToArray();
        var take = Math.Min(size, pool.Length);
        var random = new Random(seed);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..take];
    }
}
