using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Cli.Csv;
using Governance.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace Governance.Cli.Import;

/// <summary>
/// One run of `governance import`: streams the file's records through ResidentService.ImportPeople on one call while the
/// answers come back, shows progress through the file, and closes with what was created, left unchanged and rejected.
/// </summary>
public sealed class ImportRun(string path, GatewayTarget server, string? rejectsPath, CliConsole console, TimeProvider time)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public async Task<int> ExecuteAsync(CancellationToken stop)
    {
        var tally = new ImportTally();
        await using var file = File.OpenRead(path);
        using var reader = new StreamReader(file);
        await using var rejects = rejectsPath is null ? null : new StreamWriter(rejectsPath);
        var rejectsCsv = rejects is null ? null : new CsvWriter(rejects);
        if (rejectsCsv is not null)
        {
            await rejectsCsv.WriteRecordAsync(["line", "id", "rejected_by", "field", "reason"], stop);
        }

        using var channel = server.OpenChannel();
        var started = time.GetTimestamp();
        var run = StreamAsync(new ResidentService.ResidentServiceClient(channel), reader, tally, rejectsCsv, stop);
        await ShowProgressAsync(run, file, tally);
        int exitCode;
        try
        {
            await run;
            exitCode = ExitCodes.Success;
        }
        catch (CsvFormatException ex)
        {
            await console.Error.WriteLineAsync($"governance import: line {ex.LineNumber}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (RpcException ex)
        {
            await console.Error.WriteLineAsync("governance import: " + ServerCall.Explain(ex, server));
            exitCode = ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            exitCode = ExitCodes.Interrupted;
        }

        WriteSummary(tally, time.GetElapsedTime(started), exitCode);
        return exitCode;
    }

    private async Task StreamAsync(ResidentService.ResidentServiceClient client, StreamReader reader, ImportTally tally, CsvWriter? rejects, CancellationToken stop)
    {
        using var call = client.ImportPeople(cancellationToken: stop);
        var answers = Task.Run(async () =>
        {
            await foreach (var answer in call.ResponseStream.ReadAllAsync(stop))
            {
                tally.Answer(answer);
                if (answer.Outcome == ImportOutcome.Rejected && rejects is not null)
                {
                    await rejects.WriteRecordAsync([Number(answer.Line), answer.Id, "server", answer.Field, answer.Reason], stop);
                }
            }
        }, stop);
        try
        {
            await foreach (var line in PeopleFile.ReadAsync(path, reader, stop))
            {
                tally.LineRead();
                if (line.Record is null)
                {
                    tally.RejectedLocally(new ImportRejection(line.Line, "", "here", line.Field, line.Reason));
                    if (rejects is not null)
                    {
                        await rejects.WriteRecordAsync([Number(line.Line), "", "here", line.Field, line.Reason], stop);
                    }

                    continue;
                }

                await call.RequestStream.WriteAsync(new ImportPeopleRequest { Line = line.Line, Record = line.Record }, stop);
                tally.RecordSent();
            }
        }
        finally
        {
            await call.RequestStream.CompleteAsync();
        }

        await answers;
    }

    // Progress through the file by bytes read: on a terminal a bar redrawn in place, else a line every few seconds.
    private async Task ShowProgressAsync(Task run, FileStream file, ImportTally tally)
    {
        var length = Math.Max(1, file.Length);
        string Describe() => $"{tally.Read:N0} lines read, {tally.Created:N0} created, {tally.Unchanged:N0} unchanged, {tally.Rejected:N0} rejected";
        if (console.ErrorIsTerminal)
        {
            await console.RichError().Progress().AutoClear(false)
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("import", maxValue: length);
                    while (!run.IsCompleted)
                    {
                        (bar.Value, bar.Description) = (SafePosition(file), Markup.Escape(Describe()));
                        await Task.WhenAny(run, Task.Delay(200));
                    }

                    (bar.Value, bar.Description) = (length, Markup.Escape(Describe()));
                    bar.StopTask();
                });
            return;
        }

        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(PlainInterval, time));
            await console.Error.WriteLineAsync($"{100.0 * SafePosition(file) / length:0}% of the file: {Describe()}");
        }
    }

    private void WriteSummary(ImportTally tally, TimeSpan elapsed, int exitCode)
    {
        var output = console.RichOut();
        output.WriteLine($"Import of {Path.GetFileName(path)} to {server}{(exitCode == ExitCodes.Success ? "" : " (stopped early)")}");
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn(string.Empty).AddColumn(new TableColumn(string.Empty).RightAligned());
        foreach (var (name, value) in new (string, long)[]
        {
            ("records read", tally.Read), ("rejected here", tally.RejectedHere), ("sent", tally.Sent), ("created", tally.Created),
            ("unchanged (on file already)", tally.Unchanged), ("rejected by the server", tally.Rejected - tally.RejectedHere),
        })
        {
            table.AddRow(new Text(name), new Text(value.ToString("N0", CultureInfo.InvariantCulture)));
        }

        table.AddRow(new Text("elapsed"), new Text($"{elapsed.TotalSeconds:0.0} s"));
        table.AddRow(new Text("records/s"), new Text((tally.Read / Math.Max(elapsed.TotalSeconds, 0.001)).ToString("N0", CultureInfo.InvariantCulture)));
        output.Write(table);
        var rejections = tally.Rejections;
        if (rejections.Count > 0)
        {
            var lines = new Table().Border(TableBorder.Rounded).Title($"Rejected lines{(tally.Rejected > rejections.Count ? $" (the first {rejections.Count} of {tally.Rejected:N0})" : "")}")
                .AddColumn(new TableColumn("line").RightAligned()).AddColumn("id").AddColumn("by").AddColumn("field").AddColumn("reason");
            foreach (var rejection in rejections)
            {
                lines.AddRow(new Text(Number(rejection.Line)), new Text(rejection.Id), new Text(rejection.RejectedBy), new Text(rejection.Field), new Text(rejection.Reason));
            }

            output.Write(lines);
        }

        if (rejectsPath is not null)
        {
            output.WriteLine($"Every rejected line is in {rejectsPath}.");
        }
    }

    private static long SafePosition(FileStream file)
    {
        try
        {
            return file.Position;
        }
        catch (ObjectDisposedException)
        {
            return file.Length;
        }
    }

    private static string Number(long line) => line.ToString(CultureInfo.InvariantCulture);
}
