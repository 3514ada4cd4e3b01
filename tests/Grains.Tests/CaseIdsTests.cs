using Governance.Contracts.Cases;
using Governance.Grains.Cases;

namespace Governance.Grains.Tests;

/// <summary>Case ids are stored everywhere (grain keys, links, rows): the same report must always give the same id.</summary>
public sealed class CaseIdsTests
{
    [Theory]
    // Computed by the first implementation (SHA-256 of "<channel>\n<external id>" in UTF-8, 80 bits in base32).
    [InlineData(1, "a", "cgyjavnkgah6vq7sf")]
    [InlineData(2, "bench-1234-x", "c53sm428pk61ej1c0")]
    [InlineData(3, "", "c24gwzk6nj4zgmrzy")]
    public void ForReport_GivesTheIdsItAlwaysGave(int channel, string externalId, string expected) =>
        Assert.Equal(expected, CaseIds.ForReport((ReportChannel)channel, externalId));

    [Fact]
    public void ForReport_ALongNonAsciiExternalId_GivesTheIdItAlwaysGave() =>
        Assert.Equal("cak37rd1mn69xsrxa", CaseIds.ForReport((ReportChannel)4, new string('é', 300)));
}
