namespace Governance.City.Demo;

/// <summary>
/// Chinese personal names. Surnames follow their approximate national frequencies (王 李 张 刘 陈 …, with a few
/// two-character ones); given names are one character (30 %) or two distinct characters drawn from pools that
/// follow the fashion of the birth decade (建国 and 秀英 for the 1950s, 伟 and 丽 for the 1970s, 浩 and 婷 for
/// the 1990s, 梓轩 and 子涵 after 2005).
/// </summary>
internal static class DemoNames
{
    private static readonly (string Surname, double Weight)[] Surnames =
    [
        ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.6), ("杨", 3.1), ("黄", 2.2), ("赵", 2.0), ("吴", 2.0),
        ("周", 1.9), ("徐", 1.3), ("孙", 1.2), ("马", 1.2), ("朱", 1.1), ("胡", 1.1), ("郭", 1.0), ("何", 0.9), ("高", 0.9),
        ("林", 0.9), ("罗", 0.9), ("郑", 0.8), ("梁", 0.8), ("谢", 0.7), ("宋", 0.6), ("唐", 0.6), ("许", 0.6), ("韩", 0.6),
        ("冯", 0.6), ("邓", 0.6), ("曹", 0.5), ("彭", 0.5), ("曾", 0.5), ("肖", 0.5), ("田", 0.5), ("董", 0.5), ("袁", 0.4),
        ("潘", 0.4), ("于", 0.4), ("蒋", 0.4), ("蔡", 0.4), ("余", 0.4), ("杜", 0.4), ("叶", 0.4), ("程", 0.4), ("苏", 0.3),
        ("魏", 0.3), ("吕", 0.3), ("丁", 0.3), ("任", 0.3), ("沈", 0.3), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3),
        ("钟", 0.3), ("谭", 0.3), ("陆", 0.3), ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("石", 0.3), ("廖", 0.3), ("贾", 0.3),
        ("夏", 0.3), ("付", 0.2), ("方", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.2), ("熊", 0.2), ("秦", 0.2), ("邱", 0.2),
        ("江", 0.2), ("尹", 0.2), ("薛", 0.2), ("段", 0.2), ("雷", 0.2), ("侯", 0.2), ("龙", 0.2), ("史", 0.2), ("陶", 0.2),
        ("黎", 0.2), ("贺", 0.2), ("顾", 0.2), ("毛", 0.2), ("郝", 0.2), ("龚", 0.2), ("邵", 0.2), ("万", 0.2), ("钱", 0.2),
        ("严", 0.2), ("覃", 0.1), ("武", 0.1), ("戴", 0.1), ("欧阳", 0.05), ("司马", 0.01), ("诸葛", 0.01),
    ];

    private static readonly double[] SurnameWeights = Surnames.Select(s => s.Weight).ToArray();

    // Per era (born before 1960, 1960–1984, 1985–2004, 2005 on): male then female character pools.
    private static readonly string[][] MalePools =
    [
        ["建", "国", "华", "明", "德", "福", "林", "清", "永", "贵", "文", "志", "学", "忠", "海", "发", "荣", "宝", "山", "庆"],
        ["伟", "勇", "军", "强", "磊", "斌", "涛", "明", "刚", "杰", "峰", "建", "平", "辉", "波", "鹏", "东", "卫", "亮", "新"],
        ["浩", "鹏", "杰", "超", "宇", "俊", "文", "博", "晨", "鸣", "志", "远", "家", "豪", "天", "磊", "帅", "凯", "旭", "阳"],
        ["梓", "轩", "浩", "然", "子", "墨", "宇", "一", "诺", "奕", "辰", "沐", "阳", "俊", "熙", "睿", "皓", "铭", "泽", "宸"],
    ];

    private static readonly string[][] FemalePools =
    [
        ["秀", "英", "兰", "珍", "桂", "芳", "玉", "凤", "淑", "翠", "梅", "琴", "素", "云", "霞", "莲", "花", "菊", "香", "华"],
        ["丽", "敏", "静", "燕", "艳", "红", "芳", "霞", "娟", "萍", "玲", "琳", "华", "英", "梅", "莉", "晓", "春", "慧", "军"],
        ["婷", "雪", "倩", "璐", "佳", "怡", "雨", "欣", "思", "晓", "梦", "琪", "丹", "颖", "婧", "悦", "雯", "洁", "璇", "瑶"],
        ["子", "涵", "欣", "怡", "梓", "诗", "雨", "桐", "可", "馨", "萱", "语", "汐", "若", "曦", "芷", "依", "诺", "妍", "琪"],
    ];

    public static string Surname(DemoRandom random) => Surnames[random.PickWeighted(SurnameWeights)].Surname;

    public static string GivenName(bool male, int birthYear, DemoRandom random)
    {
        var era = birthYear < 1960 ? 0 : birthYear < 1985 ? 1 : birthYear < 2005 ? 2 : 3;
        var pool = male ? MalePools[era] : FemalePools[era];
        var first = random.Pick(pool);
        if (random.Chance(0.3))
        {
            return first;
        }

        string second;
        do
        {
            second = random.Pick(pool);
        }
        while (second == first);
        return first + second;
    }
}
