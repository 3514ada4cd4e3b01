using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Governance.Contracts.CaseList;
using Governance.Contracts.V1;

namespace Governance.Gateway.Services;

/// <summary>
/// Page tokens of case lists: where the page before ended (its last case's sort key and id) and a fingerprint of the
/// filters and sort it was made for, so a token used with another query is refused rather than misread. Opaque to
/// clients (base64url).
/// </summary>
internal static class CaseListTokens
{
    private const string Version = "l1";
    private const int MaxLength = 256;

    public static string Write(CaseListCursor cursor, ListCasesRequest request) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Join('|', Version, cursor.SortKey.ToString(CultureInfo.InvariantCulture), cursor.CaseId, Fingerprint(request))));

    /// <summary>The cursor in the request's token; null for an empty token; false when it is not a token of this query.</summary>
    public static bool TryRead(ListCasesRequest request, out CaseListCursor? cursor)
    {
        cursor = null;
        var token = request.PageToken;
        if (token.Length == 0)
        {
            return true;
        }

        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        if (parts.Length != 4 || parts[0] != Version || parts[3] != Fingerprint(request)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key) || parts[2].Length == 0)
        {
            return false;
        }

        cursor = new CaseListCursor(key, parts[2]);
        return true;
    }

    // The query without where it starts or how much it takes: the same filters and sort give the same fingerprint.
    private static string Fingerprint(ListCasesRequest request)
    {
        var query = request.Clone();
        query.PageToken = "";
        query.PageSize = 0;
        return Convert.ToHexString(SHA256.HashData(query.ToByteArray()), 0, 8);
    }
}
