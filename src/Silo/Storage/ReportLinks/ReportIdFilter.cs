using System.Buffers.Binary;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Which report ids a sealed segment of links may hold (a blocked Bloom filter): "no" is certain, "maybe" is wrong about
/// one time in eight hundred. Each id sets one bit in each of the eight words of one 32-byte block, so asking costs one
/// cache line however many segments there are. Stored with its segment, so the hash must never change.
/// </summary>
internal sealed class ReportIdFilter
{
    // 16 bits an id, two bytes in memory: 246 false positives among 200,000 ids not added (0.12 %, ReportIdFilterTests' data).
    private const int BitsPerId = 16;
    private const int WordsPerBlock = 8;

    // Odd multipliers, one per word, that spread an id's 32-bit key to eight independent bit positions.
    private static readonly uint[] Spreaders = [0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du, 0x27D4EB2Fu, 0x165667B1u, 0xD3A2646Du, 0xFD7046C5u, 0xB55A4F09u];

    private readonly uint[] _words;

    private ReportIdFilter(uint[] words) => _words = words;

    /// <summary>An empty filter sized for <paramref name="ids"/> ids.</summary>
    public static ReportIdFilter ForIds(long ids)
    {
        var blocks = Math.Max(1, (Math.Max(ids, 1) * BitsPerId + 255) / 256);
        return new ReportIdFilter(new uint[checked(blocks * WordsPerBlock)]);
    }

    /// <summary>A filter as <see cref="ToBytes"/> wrote it.</summary>
    public static ReportIdFilter FromBytes(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length % (WordsPerBlock * sizeof(uint)) != 0)
        {
            throw new InvalidDataException($"A report id filter is whole blocks of {WordsPerBlock * sizeof(uint)} bytes; this one has {bytes.Length}.");
        }

        var words = new uint[bytes.Length / sizeof(uint)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        }

        return new ReportIdFilter(words);
    }

    public int SizeInBytes => _words.Length * sizeof(uint);

    public byte[] ToBytes()
    {
        var bytes = new byte[SizeInBytes];
        for (var i = 0; i < _words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), _words[i]);
        }

        return bytes;
    }

    /// <summary>An id's hash, for asking many filters about it without hashing it again for each.</summary>
    public static ulong HashOf(string reportId) => Hash(reportId);

    public void Add(string reportId)
    {
        var (block, key) = Locate(Hash(reportId));
        for (var i = 0; i < WordsPerBlock; i++)
        {
            _words[block + i] |= Bit(key, i);
        }
    }

    public bool MightContain(string reportId) => MightContain(Hash(reportId));

    /// <summary>As <see cref="MightContain(string)"/>, for an id hashed once by <see cref="HashOf"/>.</summary>
    public bool MightContain(ulong reportIdHash)
    {
        var (block, key) = Locate(reportIdHash);
        for (var i = 0; i < WordsPerBlock; i++)
        {
            if ((_words[block + i] & Bit(key, i)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static uint Bit(uint key, int word) => 1u << (int)((key * Spreaders[word]) >> 27);

    // The high half of the hash picks the block, the low half the bits within it.
    private (int Block, uint Key) Locate(ulong hash)
    {
        var blocks = (ulong)(_words.Length / WordsPerBlock);
        return ((int)(((hash >> 32) * blocks) >> 32) * WordsPerBlock, (uint)hash);
    }

    // FNV-1a over the UTF-16 code units, then a 64-bit finalizer: stable across processes and versions, unlike string.GetHashCode.
    private static ulong Hash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var unit in value)
        {
            hash = (hash ^ unit) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
