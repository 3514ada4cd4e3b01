namespace Governance.City.Population;

/// <summary>Mainland China mobile numbers: 11 digits starting 13, 14, 15, 16, 17, 18 or 19.</summary>
public static class MobileNumber
{
    public static bool IsValid(string? phone) =>
        phone is { Length: 11 }
        && phone[0] == '1'
        && phone[1] is >= '3' and <= '9'
        && !phone.AsSpan().ContainsAnyExceptInRange('0', '9');
}
