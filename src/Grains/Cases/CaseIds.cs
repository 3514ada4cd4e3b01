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
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{(int)channel}\n{externalId}"));
        var id = new StringBuilder("c", 17);
        ulong bits = 0;
        var bitCount = 0;
        var byteIndex = 0;
        while (id.Length < 17)
        {
            if (bitCount < 5)
            {
                bits = (bits << 8) | bytes[byteIndex++];
                bitCount += 8;
            }

            bitCount -= 5;
            id.Append(Alphabet[(int)((bits >> bitCount) & 31)]);
        }

        return id.ToString();
    }
}
