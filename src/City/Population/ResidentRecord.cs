namespace Governance.City.Population;

/// <summary>One registered resident (一人一档: the core of the person's file).</summary>
/// <param name="Id">"r" and seven or more digits, e.g. <c>r0001234</c>.</param>
/// <param name="HouseholdId">The household the resident belongs to.</param>
/// <param name="Name">Full name, surname first, e.g. "王秀英".</param>
/// <param name="Gender">Sex, consistent with the ID number's 17th digit.</param>
/// <param name="BirthDate">Date of birth, as encoded in the ID number.</param>
/// <param name="IdNumber">18-character PRC resident identity number (see <see cref="ResidentIdNumber"/>).</param>
/// <param name="Phone">Contact mobile number, 11 digits; for a child under 12 the household head's.</param>
/// <param name="Relation">Relation to the household head.</param>
/// <param name="IsHead">True for the household head (户主).</param>
/// <param name="Tags">Special-group tags from <see cref="ResidentTags"/>; empty for most.</param>
public sealed record ResidentRecord(
    string Id,
    string HouseholdId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string IdNumber,
    string Phone,
    HouseholdRelation Relation,
    bool IsHead,
    IReadOnlyList<string> Tags);
