namespace Governance.Gateway.Tests.Console;

/// <summary>
/// Browser tests each start a Chromium (several processes, a few hundred MB): they run on their own, after the
/// parallel collections, rather than competing with silo clusters for the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Headless browser";
}
