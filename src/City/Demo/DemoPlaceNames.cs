namespace Governance.City.Demo;

/// <summary>Place names for the demo city: pinyin for codes (ASCII slugs), characters for display.</summary>
internal static class DemoPlaceNames
{
    /// <summary>North and south of the river; the region codes are those ID numbers of locals start with.</summary>
    public static IReadOnlyList<(string Pinyin, string Hanzi, string RegionCode)> Districts { get; } =
    [
        ("jiangbei", "江北区", "420102"),
        ("jiangnan", "江南区", "420106"),
    ];

    public static IReadOnlyList<(string Pinyin, string Hanzi)> Streets { get; } =
    [
        ("binjiang", "滨江"), ("hanzheng", "汉正"), ("hualou", "花楼"), ("minquan", "民权"),
        ("qingnian", "青年"), ("jiefang", "解放"), ("changhu", "长湖"), ("shahu", "沙湖"),
        ("ziyang", "紫阳"), ("huanghe", "黄鹤"), ("shouyi", "首义"), ("nanhu", "南湖"),
        ("baisha", "白沙"), ("meiyuan", "梅园"), ("qingchuan", "晴川"), ("longyang", "龙阳"),
    ];

    public static IReadOnlyList<(string Pinyin, string Hanzi)> Communities { get; } =
    [
        ("xingfu", "幸福"), ("heping", "和平"), ("jianshe", "建设"), ("youyi", "友谊"), ("xincun", "新村"),
        ("taoyuan", "桃源"), ("guangming", "光明"), ("hongqi", "红旗"), ("tuanjie", "团结"), ("shengli", "胜利"),
        ("xiangyang", "向阳"), ("fengshou", "丰收"), ("changqing", "长青"), ("chunhui", "春晖"), ("wenhua", "文化"),
        ("yucai", "育才"), ("huayuan", "花园"), ("dongfeng", "东风"), ("chaoyang", "朝阳"), ("xinhua", "新华"),
        ("yongan", "永安"), ("fuxing", "福星"), ("jinxiu", "锦绣"), ("jinqiao", "金桥"), ("cuiwei", "翠微"),
        ("yangliu", "杨柳"), ("hehua", "荷花"), ("jiangjing", "江景"), ("qiaokou", "桥口"), ("lijiang", "丽江"),
    ];

    /// <summary>Hubei region codes for residents registered elsewhere first (黄石, 宜昌, 襄阳, 孝感, 荆州, 黄冈, 恩施, 洪山).</summary>
    public static IReadOnlyList<string> OtherRegionCodes { get; } =
        ["420202", "420502", "420602", "420902", "421002", "421102", "422801", "420111"];
}
