using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests.CommandLine;

/// <summary>What the command line answers before anything is sent: usage, and exit code 2 for every mistake.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public async Task Help_Root_ListsTheReplayVerb()
    {
        var run = await CliRun.ExecuteAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("replay", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Replay_DescribesEveryOption()
    {
        var run = await CliRun.ExecuteAsync("replay", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "<FILE>", "--map", "--server", "--streams", "--limit", "--rejects", "boston-311" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "bogus" }, "Unrecognized command or argument 'bogus'")]
    [InlineData(new[] { "replay" }, "Option '--map' is required")]
    [InlineData(new[] { "replay", "missing.csv", "--map", "boston-311" }, "File does not exist: 'missing.csv'")]
    [InlineData(new[] { "replay", "{csv}", "--map", "no-such-mapping" }, "--map: 'no-such-mapping' is neither a file nor a shipped mapping (boston-311)")]
    [InlineData(new[] { "replay", "{csv}", "--map", "boston-311", "--streams", "0" }, "--streams: '0' is not a whole number from 1 to 64")]
    [InlineData(new[] { "replay", "{csv}", "--map", "boston-311", "--streams", "four" }, "--streams: 'four' is not a whole number from 1 to 64")]
    [InlineData(new[] { "replay", "{csv}", "--map", "boston-311", "--limit", "-5" }, "--limit: '-5' is not a whole number of at least 1")]
    [InlineData(new[] { "replay", "{csv}", "--map", "boston-311", "--server", "localhost:5080" }, "is not an http:// or https:// address")]
    [InlineData(new[] { "replay", "{csv}", "--map", "boston-311", "--speed", "9" }, "Unrecognized command or argument '--speed'")]
    public async Task Replay_BadCommandLine_SaysWhatIsWrongAndExitsWith2(string[] args, string message)
    {
        var run = await CliRun.ExecuteAsync(args.Select(a => a.Replace("{csv}", TestFiles.Boston311, StringComparison.Ordinal)).ToArray());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Replay_MappingThatDoesNotFitTheCsv_ExitsWith2BeforeConnecting()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(1));

        // The Boston mapping names columns the small CSV does not have; nothing listens on the server address.
        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", "boston-311", "--server", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("the CSV has no column 'case_enquiry_id'", run.Error, StringComparison.Ordinal);
        Assert.Contains("The CSV's columns are: id, kind, text, lat, lon, at, channel", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_EmptyCsv_ExitsWith2()
    {
        using var files = new SmallReplay();
        await File.WriteAllTextAsync(files.CsvPath, string.Empty);

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("the file is empty", run.Error, StringComparison.Ordinal);
    }
}
