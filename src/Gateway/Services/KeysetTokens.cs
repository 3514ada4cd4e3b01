using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Governance.Gateway.Services;

/// <summary>
/// Page tokens of keyset pages: where the page before ended (its last row's sort key) and a fingerprint of the query
/// it was made for, so a token used with another query is refused rather than misread. Opaque to clients (base64url).
/// </summary>
internal static class KeysetTokens
{
    private const string Version = "k1";
    private const int MaxLength = 512;

    /// <param name="keys">The last row's sort key, one part per column; no part may contain a newline.</param>
    /// <param name="query">The request with its page token and page size cleared.</param>
    public static string Write(IReadOnlyList<string> keys, IMessage query) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', [Version, Fingerprint(query), .. keys])));

    /// <summary>The keys in <paramref name="token"/>; null for an empty token; false when it is not a token of this query.</summary>
    public static bool TryRead(string token, IMessage query, int keyCount, out string[]? keys)
    {
        keys = null;
        if (token.Length == 0)
        {
            return true;
        }

        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        if (parts.Length != keyCount + 2 || parts[0] != Version || parts[1] != Fingerprint(query))
        {
            return false;
        }

        keys = parts[2..];
        return true;
    }

    private static string Fingerprint(IMessage query) => Convert.ToHexString(SHA256.HashData(query.ToByteArray()), 0, 8);
}
