using Governance.Cli.Replay;

namespace Governance.Cli.Tests.Replay;

public sealed class ReasonPatternTests
{
    [Theory]
    [InlineData("(42.38983153268296, -71.07055740379347) is outside every area of boston-neighborhoods", "(…, …) is outside every area of boston-neighborhoods")]
    [InlineData("is 2100 characters long; at most 2000 are allowed", "is … characters long; at most … are allowed")]
    [InlineData("'back-bay.12.7x' is not a cell of boston", "'…' is not a cell of boston")]
    [InlineData("2031-01-01T00:00:00.0000000+00:00 is in the future (more than 5 minutes ahead of the server)", "… is in the future (more than … minutes ahead of the server)")]
    [InlineData("1999-12-31T23:00:00.0000000+00:00 is before 2000-01-01", "… is before …")]
    [InlineData("is required", "is required")]
    public void Generalise_ServerReason_HidesTheValuesOnly(string reason, string expected) =>
        Assert.Equal(expected, ReasonPattern.Generalise(reason));
}
