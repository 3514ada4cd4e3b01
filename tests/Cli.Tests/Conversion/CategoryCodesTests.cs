using Governance.Cli.Conversion;

namespace Governance.Cli.Tests.Conversion;

public sealed class CategoryCodesTests
{
    [Theory]
    [InlineData("Street Light Outages", "street-light-outages")]
    [InlineData("Sidewalk Repair (Make Safe)", "sidewalk-repair-make-safe")]
    [InlineData("  Loud Parties/Music/People ", "loud-parties-music-people")]
    [InlineData("road.pothole", "road.pothole")]
    [InlineData("Trash_Can -- Overflow", "trash_can-overflow")]
    [InlineData("Café Terrasse", "cafe-terrasse")]
    [InlineData("(Other)", "other")]
    [InlineData("._ leading separators", "leading-separators")]
    public void Slugify_Name_GivesAValidCode(string name, string expected)
    {
        var code = CategoryCodes.Slugify(name);

        Assert.Equal(expected, code);
        Assert.True(CategoryCodes.IsValid(code));
    }

    [Fact]
    public void Slugify_LongName_IsCutTo64WithoutATrailingSeparator()
    {
        var code = CategoryCodes.Slugify(string.Join(' ', Enumerable.Repeat("abcdefg", 20)));

        Assert.True(code.Length <= CategoryCodes.MaxLength);
        Assert.True(CategoryCodes.IsValid(code));
        Assert.False(code.EndsWith('-'));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" -- ")]
    [InlineData("路灯")]
    public void Slugify_NoLetterOrDigitOfAsciiToKeep_IsEmpty(string name) => Assert.Equal(string.Empty, CategoryCodes.Slugify(name));
}
