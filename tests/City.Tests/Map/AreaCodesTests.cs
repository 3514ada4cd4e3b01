using Governance.City.Map;

namespace Governance.City.Tests.Map;

public class AreaCodesTests
{
    [Theory]
    [InlineData("Back Bay", "back-bay")]
    [InlineData("South Boston Waterfront", "south-boston-waterfront")]
    [InlineData("Île-de-Café", "ile-de-cafe")]
    [InlineData("Straße 5", "strasse-5")]
    [InlineData("  --Hello__World!! ", "hello-world")]
    [InlineData("江汉区", "area")]
    [InlineData("Zone 江汉 7", "zone-7")]
    public void Slugify_GivesLowercaseAsciiSlug(string name, string expected)
    {
        var slug = AreaCodes.Slugify(name);

        Assert.Equal(expected, slug);
        Assert.True(AreaCodes.IsValid(slug));
    }

    [Fact]
    public void Slugify_LongName_IsCutToMaxLength()
    {
        Assert.Equal(AreaCodes.MaxLength, AreaCodes.Slugify(new string('a', 100)).Length);
    }

    [Theory]
    [InlineData("back-bay", true)]
    [InlineData("d1", true)]
    [InlineData("Back-Bay", false)]
    [InlineData("back--bay", false)]
    [InlineData("-bay", false)]
    [InlineData("back+bay", false)]
    [InlineData("back.bay", false)]
    [InlineData("", false)]
    public void IsValid_AcceptsOnlySlugs(string code, bool expected) => Assert.Equal(expected, AreaCodes.IsValid(code));

    [Fact]
    public void MakeUnique_TakenSlug_GetsNumberedSuffix()
    {
        var taken = new HashSet<string>();

        Assert.Equal("area", AreaCodes.MakeUnique("area", taken));
        Assert.Equal("area-2", AreaCodes.MakeUnique("area", taken));
        Assert.Equal("area-3", AreaCodes.MakeUnique("area", taken));
    }
}
