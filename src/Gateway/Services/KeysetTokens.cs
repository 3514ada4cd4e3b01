using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Governance.Gateway.Services;

/// <summary>
/// Page tokens of keyset pages: where the page before ended (its last row's sort key) and a fingerprint of the query
/// it was made for (the request without its page_token and page_size), so a token used with another query is refused
/// rather than misread. Opaque to clients (base64url).
/// </summary>
internal static class KeysetTokens
{
    private const string Version = "k1";
    private const int MaxLength = 512;

    /// <param name="keys">The last row's sort key, one part per column; no part may contain a newline.</param>
    /// <param name="request">The list request the page answered.</param>
    public static string Write(IReadOnlyList<string> keys, IMessage request) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', [Version, Fingerprint(request), .. keys])));

    /// <summary>The keys in the request's page_token; null for an empty token; false when it is not a token of this query.</summary>
    public static bool TryRead(IMessage request, int keyCount, out string[]? keys)
    {
        keys = null;
        var token = (string)Field(request, "page_token").Accessor.GetValue(request);
        if (token.Length == 0)
        {
            return true;
        }

        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        if (parts.Length != keyCount + 2 || parts[0] != Version || parts[1] != Fingerprint(request))
        {
            return false;
        }

        keys = parts[2..];
        return true;
    }

    // The query without where it starts or how much it takes: the same filters and sort give the same fingerprint.
    private static string Fingerprint(IMessage request)
    {
        var query = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        Field(query, "page_token").Accessor.Clear(query);
        Field(query, "page_size").Accessor.Clear(query);
        return Convert.ToHexString(SHA256.HashData(query.ToByteArray()), 0, 8);
    }

    private static Google.Protobuf.Reflection.FieldDescriptor Field(IMessage message, string name) =>
        message.Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{message.Descriptor.Name} has no field {name}.", nameof(message));
}
