using Governance.Silo.Storage.ReportLinks;

namespace Governance.Silo.Tests.Storage;

public sealed class ReportIdFilterTests
{
    [Fact]
    public void EveryIdAdded_IsMaybe_AndFewOthersAre()
    {
        var added = Ids("c", 200_000);
        var filter = ReportIdFilter.ForIds(added.Length);
        foreach (var id in added)
        {
            filter.Add(id);
        }

        Assert.All(added, id => Assert.True(filter.MightContain(id), id));
        var others = Ids("d", 200_000);
        var falsePositives = others.Count(filter.MightContain);
        // Sized at 16 bits an id; the segments are sized by this rate (one wasted lookup in about every 500 per segment).
        Assert.InRange(falsePositives, 0, others.Length / 500);
        Assert.Equal(400_000, filter.SizeInBytes);
    }

    [Fact]
    public void ABytesRoundTrip_AnswersTheSame()
    {
        var filter = ReportIdFilter.ForIds(1_000);
        foreach (var id in Ids("c", 1_000))
        {
            filter.Add(id);
        }

        var read = ReportIdFilter.FromBytes(filter.ToBytes());

        var asked = Ids("c", 1_000).Concat(Ids("e", 5_000)).ToArray();
        Assert.Equal(asked.Select(filter.MightContain), asked.Select(read.MightContain));
        Assert.Equal(filter.ToBytes(), read.ToBytes());
    }

    [Fact]
    public void AnIdHashedOnce_GetsTheSameAnswerFromEveryFilter()
    {
        var filters = Enumerable.Range(0, 5).Select(n => ReportIdFilter.ForIds(1_000 * (n + 1))).ToArray();
        foreach (var (filter, n) in filters.Select((f, n) => (f, n)))
        {
            foreach (var id in Ids($"s{n}-", 1_000 * (n + 1)))
            {
                filter.Add(id);
            }
        }

        var asked = Enumerable.Range(0, 5).SelectMany(n => Ids($"s{n}-", 300)).Concat(Ids("none-", 3_000)).ToArray();
        var hashes = asked.Select(ReportIdFilter.HashOf).ToArray();
        foreach (var filter in filters)
        {
            var byId = asked.Select(id => filter.MightContain(id)).ToArray();
            Assert.Equal(byId, hashes.Select(hash => filter.MightContain(hash)).ToArray());
            Assert.Contains(true, byId);
        }
    }

    [Fact]
    public void AnEmptyFilter_SaysNo()
    {
        var filter = ReportIdFilter.ForIds(0);

        Assert.DoesNotContain(Ids("c", 1_000), filter.MightContain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void BytesThatAreNotWholeBlocks_AreRefused(int length)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReportIdFilter.FromBytes(new byte[length]));

        Assert.Contains($"has {length}", error.Message, StringComparison.Ordinal);
    }

    // Ids shaped like the real ones (Grains/Cases/CaseIds.cs): a letter and 16 base32 digits.
    private static string[] Ids(string prefix, int count)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var random = new Random(prefix[0]);
        return [.. Enumerable.Range(0, count).Select(_ => prefix + string.Create(16, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(32)];
            }
        }))];
    }
}
