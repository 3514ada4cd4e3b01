using Governance.City.Population;

namespace Governance.City.Demo;

/// <summary>
/// Draws who lives in a household: its size, then a family pattern for that size, then ages that fit it.
/// </summary>
/// <remarks>
/// Size 1–5 with probabilities 22/30/23/15/10 % (mean 2.61). Patterns, with b the community's elderly bias
/// (old town 1.35, work-unit compound 1.25, village 1.0, estate 0.7):
/// 1 — an older person (60–100, 62 % women) with probability 0.5·b, else an adult of 20–59;
/// 2 — an older couple (0.36·b), a young couple (23–39, 25 %), a middle-aged couple (40–59, 22 %), else a parent and child;
/// 3 — grandparents with a left-behind grandchild of 3–15 (4 %), a couple with a parent (0.14·b), else a couple with a child;
/// 4 — grandparents with two left-behind grandchildren (4 %), couple + child + grandparent (0.33·b), else couple + two children;
/// 5 — couple + both parents + child (70 %), else couple + two children + grandparent.
/// Older ages are 60 + |N(0, 11)|, spouses 0–5 years younger than husbands, mothers at least 20 years older than
/// their children and grandparents 24–33 years older than their children; ages stop at 100. The head is the
/// husband in 85 % of couples. Together this gives about a fifth of residents aged 60 or over.
/// </remarks>
internal static class HouseholdComposer
{
    private static readonly double[] SizeWeights = [0.22, 0.30, 0.23, 0.15, 0.10];

    public static List<MemberPlan> Compose(CommunityKind kind, DemoRandom r)
    {
        var bias = kind switch
        {
            CommunityKind.OldTown => 1.35,
            CommunityKind.WorkUnit => 1.25,
            CommunityKind.Estate => 0.7,
            _ => 1.0,
        };
        var members = new List<MemberPlan>(5);
        var u = r.NextDouble();
        switch (r.PickWeighted(SizeWeights) + 1)
        {
            case 1 when u < 0.5 * bias:
                members.Add(new MemberPlan(ElderAge(r, 62), r.Chance(0.62) ? Gender.Female : Gender.Male, HouseholdRelation.Head));
                break;
            case 1:
                members.Add(new MemberPlan(Math.Min(59, 20 + (int)(Math.Abs(r.Gaussian()) * 15)), r.Chance(0.55) ? Gender.Male : Gender.Female, HouseholdRelation.Head));
                break;
            case 2 when u < 0.36 * bias:
                Couple(members, ElderAge(r, 60), r);
                break;
            case 2 when u < (0.36 * bias) + 0.25:
                Couple(members, r.Between(23, 39), r);
                break;
            case 2 when u < (0.36 * bias) + 0.47:
                Couple(members, r.Between(40, 59), r);
                break;
            case 2:
                var parentAge = r.Between(28, 55);
                members.Add(new MemberPlan(parentAge, r.Chance(0.7) ? Gender.Female : Gender.Male, HouseholdRelation.Head));
                Children(members, parentAge, 1, 25, r);
                break;
            case 3 when u < 0.04:
                LeftBehind(members, 1, r);
                break;
            case 3 when u < 0.04 + (0.14 * bias):
                Couple(members, r.Between(35, 60), r);
                Grandparents(members, 1, r);
                break;
            case 3:
                Children(members, Couple(members, r.Between(25, 55), r), 1, 28, r);
                break;
            case 4 when u < 0.04:
                LeftBehind(members, 2, r);
                break;
            case 4 when u < 0.04 + (0.33 * bias):
                Children(members, Couple(members, r.Between(28, 50), r), 1, 22, r);
                Grandparents(members, 1, r);
                break;
            case 4:
                Children(members, Couple(members, r.Between(30, 52), r), 2, 25, r);
                break;
            case 5 when u < 0.7:
                Children(members, Couple(members, r.Between(28, 45), r), 1, 18, r);
                Grandparents(members, 2, r);
                break;
            default:
                Children(members, Couple(members, r.Between(30, 50), r), 2, 22, r);
                Grandparents(members, 1, r);
                break;
        }

        return members;
    }

    /// <summary>Adds husband and wife, the husband usually as head; returns the wife's age.</summary>
    private static int Couple(List<MemberPlan> members, int husbandAge, DemoRandom r)
    {
        var wifeAge = Math.Max(20, husbandAge - r.Between(-2, 5));
        var husbandIsHead = r.Chance(0.85);
        members.Add(husbandIsHead
            ? new MemberPlan(husbandAge, Gender.Male, HouseholdRelation.Head)
            : new MemberPlan(wifeAge, Gender.Female, HouseholdRelation.Head));
        members.Add(husbandIsHead
            ? new MemberPlan(wifeAge, Gender.Female, HouseholdRelation.Spouse)
            : new MemberPlan(husbandAge, Gender.Male, HouseholdRelation.Spouse));
        return wifeAge;
    }

    private static void Children(List<MemberPlan> members, int motherAge, int count, int maxAge, DemoRandom r)
    {
        for (var i = 0; i < count; i++)
        {
            members.Add(new MemberPlan(r.Between(0, Math.Max(0, Math.Min(motherAge - 20, maxAge))), ChildGender(r), HouseholdRelation.Child));
        }
    }

    /// <summary>The head's parents (one or both), 24–33 years older than the head.</summary>
    private static void Grandparents(List<MemberPlan> members, int count, DemoRandom r)
    {
        var fatherAge = Math.Min(100, members[0].Age + r.Between(24, 33));
        if (count == 2)
        {
            members.Add(new MemberPlan(fatherAge, Gender.Male, HouseholdRelation.Parent));
            members.Add(new MemberPlan(Math.Max(44, fatherAge - r.Between(0, 5)), Gender.Female, HouseholdRelation.Parent));
        }
        else
        {
            members.Add(new MemberPlan(fatherAge, r.Chance(0.6) ? Gender.Female : Gender.Male, HouseholdRelation.Parent));
        }
    }

    /// <summary>Grandparents of 55–75 raising grandchildren of 3–15 while the parents work elsewhere.</summary>
    private static void LeftBehind(List<MemberPlan> members, int children, DemoRandom r)
    {
        var grandfather = r.Between(55, 75);
        members.Add(new MemberPlan(grandfather, Gender.Male, HouseholdRelation.Head));
        members.Add(new MemberPlan(Math.Max(50, grandfather - r.Between(0, 5)), Gender.Female, HouseholdRelation.Spouse));
        for (var i = 0; i < children; i++)
        {
            members.Add(new MemberPlan(r.Between(3, 15), ChildGender(r), HouseholdRelation.Grandchild, LeftBehind: true));
        }
    }

    private static int ElderAge(DemoRandom r, int from) => Math.Min(100, from + (int)(Math.Abs(r.Gaussian()) * 11));

    // Sex ratio at birth in China has been about 1.1 boys per girl.
    private static Gender ChildGender(DemoRandom r) => r.Chance(0.52) ? Gender.Male : Gender.Female;
}
