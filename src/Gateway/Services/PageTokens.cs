using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Governance.Gateway.Services;

/// <summary>
/// Page tokens are opaque to clients: an offset into a list that does not change while the process runs
/// (the city map), written as base64url so nobody is tempted to build one by hand.
/// </summary>
internal static class PageTokens
{
    private const string Prefix = "o:";

    public static string Write(int offset) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>An empty token is the first page (offset 0).</summary>
    public static bool TryRead(string token, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (token.Length > 32 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
