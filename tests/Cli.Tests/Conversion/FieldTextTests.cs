using Governance.Cli.Conversion;

namespace Governance.Cli.Tests.Conversion;

public sealed class FieldTextTests
{
    [Theory]
    [InlineData("INTERSECTION of City Sq &amp; Harvard St  Charlestown  MA  ", "INTERSECTION of City Sq & Harvard St Charlestown MA")]
    [InlineData("&quot;Quoted&quot; &lt;b&gt; &#39;x&#39;", "\"Quoted\" <b> 'x'")]
    [InlineData("  tabs\tand\r\nbreaks  ", "tabs and breaks")]
    [InlineData("   ", "")]
    [InlineData("AT&T", "AT&T")]
    public void Clean_DecodesEntitiesFoldsSpaceAndTrims(string raw, string expected) => Assert.Equal(expected, FieldText.Clean(raw));

    [Fact]
    public void Truncate_LongText_EndsInAnEllipsisWithinTheLimit()
    {
        var text = FieldText.Truncate(new string('x', 2500), 2000);

        Assert.Equal(2000, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_AtASurrogatePair_DoesNotSplitIt()
    {
        // "ab" then an emoji (two chars) straddling the cut at 4 characters.
        var text = FieldText.Truncate("ab\U0001F6A7\U0001F6A7cd", 4);

        Assert.Equal("ab…", text);
    }

    [Fact]
    public void Truncate_ShortText_IsUnchanged() => Assert.Equal("short", FieldText.Truncate("short", 2000));
}
