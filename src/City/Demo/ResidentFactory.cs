using System.Globalization;
using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>
/// Turns member plans into resident records: names, birth dates, ID numbers, phones and tags.
/// </summary>
/// <remarks>
/// Names: the head and a spouse draw their own surnames; children and grandchildren take the husband's (or a
/// lone head's), the head's father takes the head's, the head's mother her own. Birth date: uniform over the
/// 365 or 366 days that give the planned age on the reference date. ID number: the district's region code for
/// 80 % of residents, another Hubei code for the rest, then birth date, a random unused sequence with the sex
/// in its parity, and the MOD 11-2 check character; unique in the city. Phone: a unique 11-digit number with
/// a 13x/15x/17x/18x/19x prefix for everyone aged 12 or over; younger children list the head's.
/// Tags: elderly-alone for a one-person household aged 70+; five-guarantee for 6 % of those; low-income for
/// every member of a low-income household; disabled with probability 1.6 % + 1.5 % at 60+ + 3 % at 80+;
/// left-behind-child for grandchildren raised by grandparents.
/// </remarks>
internal sealed class ResidentFactory(DateOnly referenceDate, DemoRandom random)
{
    private static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "170", "171", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185",
        "186", "187", "188", "189", "191", "193", "195", "196", "197", "198", "199",
    ];

    private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private int _count;

    public List<ResidentRecord> Create(string householdId, IReadOnlyList<MemberPlan> plans, string regionCode, bool lowIncome)
    {
        var residents = new List<ResidentRecord>(plans.Count);
        var headSurname = DemoNames.Surname(random);
        var spouseSurname = DemoNames.Surname(random);
        var husbandSurname = plans.Count > 1 && plans[0].Gender == Gender.Female && plans[1].Relation == HouseholdRelation.Spouse
            ? spouseSurname
            : headSurname;
        var headPhone = string.Empty;
        foreach (var plan in plans)
        {
            var surname = plan.Relation switch
            {
                HouseholdRelation.Head => headSurname,
                HouseholdRelation.Spouse => spouseSurname,
                HouseholdRelation.Child or HouseholdRelation.Grandchild => husbandSurname,
                HouseholdRelation.Parent when plan.Gender == Gender.Male => headSurname,
                _ => DemoNames.Surname(random),
            };
            var birthDate = BirthDate(plan.Age);
            var phone = plan.Age >= 12 ? NewPhone() : headPhone;
            if (plan.Relation == HouseholdRelation.Head)
            {
                headPhone = phone;
            }

            residents.Add(new ResidentRecord(
                string.Create(CultureInfo.InvariantCulture, $"r{++_count:D7}"),
                householdId,
                surname + DemoNames.GivenName(plan.Gender == Gender.Male, birthDate.Year, random),
                plan.Gender,
                birthDate,
                NewIdNumber(random.Chance(0.8) ? regionCode : random.Pick(DemoPlaceNames.OtherRegionCodes), birthDate, plan.Gender),
                phone,
                plan.Relation,
                plan.Relation == HouseholdRelation.Head,
                Tags(plan, plans.Count, lowIncome)));
        }

        return residents;
    }

    private List<string> Tags(MemberPlan plan, int householdSize, bool lowIncome)
    {
        var tags = new List<string>(2);
        if (householdSize == 1 && plan.Age >= 70)
        {
            tags.Add(ResidentTags.ElderlyAlone);
            if (random.Chance(0.06))
            {
                tags.Add(ResidentTags.FiveGuarantee);
            }
        }

        if (lowIncome)
        {
            tags.Add(ResidentTags.LowIncome);
        }

        if (random.Chance(0.016 + (plan.Age >= 60 ? 0.015 : 0) + (plan.Age >= 80 ? 0.03 : 0)))
        {
            tags.Add(ResidentTags.Disabled);
        }

        if (plan.LeftBehind)
        {
            tags.Add(ResidentTags.LeftBehindChild);
        }

        return tags;
    }

    private DateOnly BirthDate(int age)
    {
        var latest = referenceDate.AddYears(-age);
        var earliest = referenceDate.AddYears(-age - 1).AddDays(1);
        return earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    private string NewIdNumber(string regionCode, DateOnly birthDate, Gender gender)
    {
        string id;
        do
        {
            id = ResidentIdNumber.Create(regionCode, birthDate, random.Next(500), gender);
        }
        while (!_idNumbers.Add(id));
        return id;
    }

    private string NewPhone()
    {
        string phone;
        do
        {
            phone = random.Pick(PhonePrefixes) + random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        }
        while (!_phones.Add(phone));
        return phone;
    }
}
