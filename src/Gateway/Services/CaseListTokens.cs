using System.Globalization;
using Governance.Contracts.CaseList;
using Governance.Contracts.V1;

namespace Governance.Gateway.Services;

/// <summary>
/// Page tokens of case lists (<see cref="KeysetTokens"/>): the page before's last case's sort key and id, for the same
/// filters and sort.
/// </summary>
internal static class CaseListTokens
{
    public static string Write(CaseListCursor cursor, ListCasesRequest request) =>
        KeysetTokens.Write([cursor.SortKey.ToString(CultureInfo.InvariantCulture), cursor.CaseId], request);

    /// <summary>The cursor in the request's token; null for an empty token; false when it is not a token of this query.</summary>
    public static bool TryRead(ListCasesRequest request, out CaseListCursor? cursor)
    {
        cursor = null;
        if (!KeysetTokens.TryRead(request, 2, out var keys))
        {
            return false;
        }

        if (keys is null)
        {
            return true;
        }

        if (!long.TryParse(keys[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key) || keys[1].Length == 0)
        {
            return false;
        }

        cursor = new CaseListCursor(key, keys[1]);
        return true;
    }

}
