using System.Security.Cryptography;
using System.Text;

namespace Governance.Grains.Storage;

/// <summary>
/// How the index keeps an ID number: as a hash, so its table and its query logs do not show the numbers. Not a secret:
/// ID numbers are few enough to hash them all, so the table is guarded as the files are.
/// </summary>
public static class PeopleHashes
{
    /// <summary>SHA-256 of the upper-cased number, hex; the same number always gives the same hash.</summary>
    public static string IdNumber(string idNumber) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant())));
}
