using Governance.Cli.CommandLine;
using Governance.Cli.Csv;
using Governance.Cli.Display;
using Governance.Cli.Mapping;
using Governance.Contracts.V1;
using Grpc.Net.Client;

namespace Governance.Cli.Replay;

/// <summary>One execution of `governance replay`: open, stream with progress, summarise, and choose the exit code.</summary>
public sealed class ReplayRun(ReplaySettings settings, CliConsole console, TimeProvider time)
{
    /// <summary>How often a redirected stderr gets a progress line.</summary>
    public static readonly TimeSpan PlainProgressInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs the replay; <paramref name="stop"/> (Ctrl+C) stops the reading, and what was sent is still answered.</summary>
    public async Task<int> ExecuteAsync(CancellationToken stop)
    {
        ReplaySource source;
        try
        {
            source = await ReplaySource.OpenAsync(settings.CsvPath, settings.MappingPath, stop);
        }
        catch (Exception ex) when (ex is MappingException or CsvFormatException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"governance replay: {ex.Message}");
            return ExitCodes.Usage;
        }

        await using (source)
        {
            RejectsFile? rejects;
            try
            {
                rejects = settings.RejectsPath is null ? null : RejectsFile.Create(settings.RejectsPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"governance replay: the rejects file cannot be written: {ex.Message}");
                return ExitCodes.Usage;
            }

            return await StreamAsync(source, rejects, stop);
        }
    }

    private async Task<int> StreamAsync(ReplaySource source, RejectsFile? rejects, CancellationToken stop)
    {
        using var channel = settings.Server.OpenChannel();
        var tally = new ReplayTally(time);
        var engine = new ReplayEngine(new IntakeService.IntakeServiceClient(channel), tally, rejects);
        var replay = engine.RunAsync(source, settings.Streams, settings.Limit, stop);
        IProgressDisplay display = console.ErrorIsTerminal
            ? new LiveProgressBar(console.RichError())
            : new PlainProgressLines(console.Error, PlainProgressInterval, time);
        await display.ShowAsync(tally, settings.Limit, replay);

        var notes = new List<string>();
        int exitCode;
        try
        {
            exitCode = await replay ? ExitCodes.Success : ExitCodes.Interrupted;
            if (exitCode == ExitCodes.Interrupted)
            {
                var numbers = tally.Snapshot();
                var unsent = numbers.RowsRead - numbers.RejectedLocally - numbers.Sent;
                notes.Add($"Stopped by Ctrl+C: {unsent:N0} of the rows read were not sent, nor any row after them; every report sent was answered.");
            }
        }
        catch (ReplayFailedException ex)
        {
            notes.Add($"The replay failed: {ex.Message}");
            await console.Error.WriteLineAsync($"governance replay: {ex.Message}");
            exitCode = ExitCodes.Failed;
        }

        tally.Finish();
        if (rejects is not null)
        {
            await rejects.DisposeAsync();
            notes.Add($"{rejects.Count:N0} rejection(s) written to {rejects.Path}.");
        }

        var title = $"Replay of {Path.GetFileName(settings.CsvPath)} (mapping {Path.GetFileName(settings.MappingPath)}) to {settings.Server} over {settings.Streams} stream(s)";
        SummaryTable.Write(console.RichOut(), new ReplaySummary(title, tally.Snapshot(), notes));
        return exitCode;
    }
}
