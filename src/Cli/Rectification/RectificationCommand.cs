using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;

namespace Governance.Cli.Rectification;

/// <summary>
/// `governance rectification INSPECTION [--area CODE] [--markdown FILE]`: where an inspection's rectification stands,
/// as tables, and as a one-page Markdown summary for the inspection team when asked.
/// </summary>
public static class RectificationCommand
{
    public static Command Create(CliConsole console)
    {
        var inspection = new Argument<string>("inspection") { Description = "The inspection's code, e.g. 2026-provincial: its tasks are the cases of category rectification.<inspection>.*." };
        var area = new Option<string>("--area") { Description = "Only this district, street or community code, or cell id.", HelpName = "CODE" };
        var markdown = new Option<FileInfo>("--markdown") { Description = "Also write the one-page summary, in Markdown, to this file.", HelpName = "FILE" };
        var server = ServerOption.Create();
        var rectification = new Command("rectification", "An inspection's rectification tasks: totals, the share done on time, overdue ones first.")
        {
            inspection, area, markdown, server,
        };
        rectification.SetAction(async (parse, cancellationToken) =>
        {
            GetRectificationDashboardResponse? found = null;
            var called = await ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
            {
                var request = new GetRectificationDashboardRequest { Inspection = parse.GetRequiredValue(inspection), Area = parse.GetValue(area) ?? "" };
                found = await new RectificationService.RectificationServiceClient(channel).GetRectificationDashboardAsync(request, cancellationToken: cancellationToken);
                RectificationTables.Write(console.RichOut(), found);
            });
            if (called != ExitCodes.Success || parse.GetValue(markdown) is not { } file)
            {
                return called;
            }

            try
            {
                await File.WriteAllTextAsync(file.FullName, RectificationMarkdown.Render(found!), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"--markdown: could not write {file.FullName}: {ex.Message}");
                return ExitCodes.Failed;
            }

            await console.Out.WriteLineAsync($"Summary written to {file.FullName}");
            return ExitCodes.Success;
        });
        return rectification;
    }
}
