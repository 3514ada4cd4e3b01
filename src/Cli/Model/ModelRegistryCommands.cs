using System.CommandLine;
using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Model;

/// <summary>`governance model register | list | promote | rollback`: the server's model registry.</summary>
public static class ModelRegistryCommands
{

    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Register(console);
        yield return List(console);
        yield return Promote(console);
        yield return Rollback(console);
    }

    private static Command Register(CliConsole console)
    {
        var model = new Argument<FileInfo>("FILE") { Description = "A model file from `governance model train`, with its FILE.json beside it." };
        model.AcceptExistingOnly();
        var note = new Option<string>("--note") { Description = "Why this model (at most 500 characters).", HelpName = "TEXT" };
        var server = ServerOption.Create();
        var command = new Command("register", "Upload a trained model to the server's registry; it is checked there, and not promoted.") { model, note, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(model);
            if (await ModelUploadFile.ReadAsync(file.FullName, cancellationToken) is not { } upload)
            {
                await console.Error.WriteLineAsync($"governance model register: there is no {Path.GetFileName(ModelUploadFile.PathFor(file.FullName))} beside {file.Name}: `governance model train` writes it with the model");
                return ExitCodes.Failed;
            }

            upload.Note = parse.GetValue(note) ?? "";
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            return await ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
            {
                var version = await new RiskService.RiskServiceClient(channel).RegisterModelAsync(upload, bytes, cancellationToken: cancellationToken);
                await console.Out.WriteLineAsync($"registered {file.Name} as version {version.Version} (not promoted; `governance model promote {version.Version}`)");
            });
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var server = ServerOption.Create();
        var command = new Command("list", "The registered models, newest first, with the one every silo scores with.") { server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var list = await new RiskService.RiskServiceClient(channel).ListModelsAsync(new ListModelsRequest(), cancellationToken: cancellationToken);
            Write(console.RichOut(), list);
        }));
        return command;
    }

    private static Command Promote(CliConsole console)
    {
        var version = new Argument<long>("VERSION") { Description = "A registered version (`governance model list`)." };
        var server = ServerOption.Create();
        var command = new Command("promote", "Make a registered version the one every silo scores with.") { version, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var promoted = await new RiskService.RiskServiceClient(channel).PromoteModelAsync(new PromoteModelRequest { Version = parse.GetValue(version) }, cancellationToken: cancellationToken);
            await console.Out.WriteLineAsync($"version {promoted.Version} is promoted: every silo scores with it");
        }));
        return command;
    }

    private static Command Rollback(CliConsole console)
    {
        var server = ServerOption.Create();
        var command = new Command("rollback", "Promote again the version that was promoted before the one active now.") { server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var restored = await new RiskService.RiskServiceClient(channel).RollbackModelAsync(new RollbackModelRequest(), cancellationToken: cancellationToken);
            await console.Out.WriteLineAsync($"rolled back: version {restored.Version} is promoted again");
        }));
        return command;
    }

    public static void Write(IAnsiConsole console, ListModelsResponse list)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(list);
        var table = new Table().Border(TableBorder.Rounded).Title("Flood models")
            .AddColumn("version").AddColumn("active").AddColumn("registered").AddColumn("by").AddColumn("trainer")
            .AddColumn(new TableColumn("AUC").RightAligned()).AddColumn(new TableColumn("PR-AUC").RightAligned())
            .AddColumn(new TableColumn("threshold").RightAligned()).AddColumn("data").AddColumn("note");
        foreach (var model in list.Models)
        {
            table.AddRow(
                model.Version.ToString(CultureInfo.InvariantCulture), model.Active ? "●" : "",
                model.RegisteredAt.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(model.RegisteredBy), model.Trainer,
                model.Metrics.Auc.ToString("0.0000", CultureInfo.InvariantCulture), model.Metrics.PrAuc.ToString("0.0000", CultureInfo.InvariantCulture),
                model.Threshold.ToString("0.000", CultureInfo.InvariantCulture), model.DataFingerprint[..Math.Min(12, model.DataFingerprint.Length)], Markup.Escape(model.Note));
        }

        console.Write(table);
        console.WriteLine(list.ActiveVersion == 0 ? "No version is promoted yet." : $"Every silo scores with version {list.ActiveVersion}.");
    }
}
