using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Governance.Contracts.Cases;

namespace Governance.Grains.Cases;

/// <summary>
/// Case ids are derived from the first report's (channel, external id), so a retry, a replay or a second
/// gateway all reach the same case grain without a lookup table.
/// </summary>
public static class CaseIds
{
    // Crockford's base32 without I, L, O, U: readable over the phone, no '+' or '/' (unsafe in grain keys).
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>"c" and 16 base32 digits (80 bits of SHA-256): collisions are not a practical concern.</summary>
    public static string ForReport(ReportChannel channel, string externalId)
    {
        // Hashed from the stack: this runs for every report, and the heap copies cost more than the hash.
        // "<channel number>\n<external id>" in UTF-8, as ids have always been hashed.
        var length = 12 + Encoding.UTF8.GetMaxByteCount(externalId.Length);
        var text = length <= 512 ? stackalloc byte[length] : new byte[length];
        ((int)channel).TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        text[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(externalId, text[written..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..written], hash);
        Span<char> id = stackalloc char[17];
        id[0] = 'c';
        ulong bits = 0;
        var bitCount = 0;
        var byteIndex = 0;
        for (var i = 1; i < id.Length; i++)
        {
            if (bitCount < 5)
            {
                bits = (bits << 8) | hash[byteIndex++];
                bitCount += 8;
            }

            bitCount -= 5;
            id[i] = Alphabet[(int)((bits >> bitCount) & 31)];
        }

        return new string(id);
    }
}
