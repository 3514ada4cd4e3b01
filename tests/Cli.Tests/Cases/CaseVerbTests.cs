using Governance.Cli.CommandLine;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Governance.Cli.Tests.Cases;

/// <summary>The dispatcher's verbs against the real application: steps taken, shown and listed, and refusals explained.</summary>
public sealed class CaseVerbTests
{
    [Fact]
    public async Task StepShowAndQueue_FollowACaseThroughTheLoop()
    {
        await using var server = await CityServer.StartBostonAsync();
        var caseId = await ReportPotholeAsync(server);

        var register = await CliRun.ExecuteAsync("case", "step", caseId, "register", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);
        var dispatch = await CliRun.ExecuteAsync("case", "step", caseId, "dispatch", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);
        var queue = await CliRun.ExecuteAsync("queue", "roads", "--server", server.Address, "--token", server.AdminToken);
        var until = DateTimeOffset.UtcNow.AddDays(9).ToString("yyyy-MM-ddTHH:mm:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var postpone = await CliRun.ExecuteAsync(
            "case", "step", caseId, "postpone", "--actor", "roads-7", "--reason", "asphalt plant closed", "--approver", "roads-chief", "--until", until, "--server", server.Address, "--token", server.AdminToken);
        var postponed = await CliRun.ExecuteAsync("case", "show", caseId, "--server", server.Address, "--token", server.AdminToken);
        var handle = await CliRun.ExecuteAsync(
            "case", "step", caseId, "handle", "--actor", "roads-7", "--evidence", "https://photos.example/after.jpg", "--server", server.Address, "--token", server.AdminToken);
        var show = await CliRun.ExecuteAsync("case", "show", caseId, "--server", server.Address, "--token", server.AdminToken);
        var emptyQueue = await CliRun.ExecuteAsync("queue", "roads", "--server", server.Address, "--token", server.AdminToken);

        Assert.True(register.ExitCode == ExitCodes.Success, register.Error);
        Assert.Contains($"Case {caseId}: register taken; now registered.", register.Out, StringComparison.Ordinal);
        Assert.Contains("Next: dispatch.", register.Out, StringComparison.Ordinal);
        Assert.Contains("Dispatched to roads.", dispatch.Out, StringComparison.Ordinal);
        Assert.Contains("Queue of roads (1, 0 overdue)", queue.Out, StringComparison.Ordinal);
        Assert.True(postpone.ExitCode == ExitCodes.Success, postpone.Error);
        var untilShown = DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Postponed. Due by {untilShown} UTC (committed, 5d).", postpone.Out, StringComparison.Ordinal);
        Assert.Contains($"committed, 5d 0h: due {untilShown}:00 UTC", postponed.Out, StringComparison.Ordinal);
        Assert.Contains(caseId, queue.Out, StringComparison.Ordinal);
        Assert.Contains("Next: verify, rework.", handle.Out, StringComparison.Ordinal);
        Assert.True(show.ExitCode == ExitCodes.Success, show.Error);
        foreach (var expected in new[] { "handled", "road.pothole", "roads", "dispatcher-1", "roads-7", "https://photos.example/after.jpg", "Reporters (1)" })
        {
            Assert.Contains(expected, show.Out, StringComparison.Ordinal);
        }

        Assert.Contains("The queue of roads is empty.", emptyQueue.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedStep_PrintsTheServersReason_AndExitsFailed()
    {
        await using var server = await CityServer.StartBostonAsync();
        var caseId = await ReportPotholeAsync(server);

        var skipped = await CliRun.ExecuteAsync("case", "step", caseId, "close", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);
        var noReason = await CliRun.ExecuteAsync("case", "step", caseId, "reject", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);
        var unknown = await CliRun.ExecuteAsync("case", "show", "c0000000000000000", "--server", server.Address, "--token", server.AdminToken);

        Assert.Equal(ExitCodes.Failed, skipped.ExitCode);
        Assert.Contains("FailedPrecondition", skipped.Error, StringComparison.Ordinal);
        Assert.Contains("Allowed: register, reject.", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, noReason.ExitCode);
        Assert.Contains("reason: reject needs a reason", noReason.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains("NotFound", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownStepOrAMissingActor_IsAUsageError()
    {
        var badStep = await CliRun.ExecuteAsync("case", "step", "c0000000000000000", "finish", "--actor", "dispatcher-1");
        var noActor = await CliRun.ExecuteAsync("case", "step", "c0000000000000000", "register");

        Assert.Equal(ExitCodes.Usage, badStep.ExitCode);
        Assert.Contains("'finish' is not a step; one of register, reject, dispatch", badStep.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noActor.ExitCode);
        Assert.Contains("--actor", noActor.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsTheCasesTheFiltersAsk_APageAtATime()
    {
        await using var server = await CityServer.StartBostonAsync();
        var first = await ReportPotholeAsync(server, "road.pothole-small");
        var second = await ReportPotholeAsync(server, "road.pothole-deep");
        await CliRun.ExecuteAsync("case", "step", first, "register", "--actor", "dispatcher-1", "--server", server.Address, "--token", server.AdminToken);

        var registered = await CliRun.ExecuteAsync("case", "list", "--status", "registered", "--category", "road.*", "--server", server.Address, "--token", server.AdminToken);
        var paged = await CliRun.ExecuteAsync("case", "list", "--category", "road.*", "--sort", "oldest", "--page-size", "1", "--server", server.Address, "--token", server.AdminToken);
        var token = paged.Out.Split("--page ")[^1].Trim();
        var next = await CliRun.ExecuteAsync("case", "list", "--category", "road.*", "--sort", "oldest", "--page-size", "1", "--page", token, "--server", server.Address, "--token", server.AdminToken);
        var none = await CliRun.ExecuteAsync("case", "list", "--status", "suspended", "--server", server.Address, "--token", server.AdminToken);

        Assert.True(registered.ExitCode == ExitCodes.Success, registered.Error);
        Assert.True(registered.Out.Contains(first, StringComparison.Ordinal), registered.Out);
        Assert.DoesNotContain(second, registered.Out, StringComparison.Ordinal);
        Assert.Contains("Cases (1, more follow)", paged.Out, StringComparison.Ordinal);
        Assert.Contains(first, paged.Out, StringComparison.Ordinal);
        Assert.Contains(second, next.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", next.Out, StringComparison.Ordinal);
        Assert.Contains("No case matches.", none.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithAStatusItDoesNotKnow_IsAUsageError_NamingTheStatuses()
    {
        var listed = await CliRun.ExecuteAsync("case", "list", "--status", "finished");

        Assert.Equal(ExitCodes.Usage, listed.ExitCode);
        Assert.Contains("'finished' is not a status; one of reported, registered", listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepTakesDocumentsAndAnAssignment_AndShowPrintsWhatAWelfareApplicationAndARectificationHold()
    {
        await using var server = await CityServer.StartBostonAsync();
        var application = await ReportPotholeAsync(server, "welfare.minimum-living", CaseKind.Welfare);
        var task = await ReportPotholeAsync(server, "rectification.street-vendors", CaseKind.Rectification);
        var dueBy = DateTimeOffset.UtcNow.AddDays(45).ToString("yyyy-MM-ddTHH:mm:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var submitted = await CliRun.ExecuteAsync("case", "step", application, "submit_documents", "--actor", "clerk-1",
            "--document", "id_card=https://docs.example/id.pdf", "--server", server.Address, "--token", server.AdminToken);
        var notYet = await CliRun.ExecuteAsync("case", "step", application, "accept_application", "--actor", "clerk-1", "--server", server.Address, "--token", server.AdminToken);
        var showApplication = await CliRun.ExecuteAsync("case", "show", application, "--server", server.Address, "--token", server.AdminToken);
        var badDocument = await CliRun.ExecuteAsync("case", "step", application, "submit_documents", "--actor", "clerk-1", "--document", "passport=https://docs.example/p.pdf");
        var assigned = await CliRun.ExecuteAsync("case", "step", task, "assign", "--actor", "supervisor-1",
            "--responsible", "director-li", "--due-by", dueBy, "--server", server.Address, "--token", server.AdminToken);
        var showTask = await CliRun.ExecuteAsync("case", "show", task, "--server", server.Address, "--token", server.AdminToken);

        Assert.True(submitted.ExitCode == ExitCodes.Success, submitted.Error);
        Assert.Contains("Still missing: household register", submitted.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, notYet.ExitCode);
        Assert.Contains("lacks required documents: household register (户口簿), income proof (收入证明)", notYet.Error, StringComparison.Ordinal);
        Assert.Contains("Documents (missing: household_register, income_proof)", showApplication.Out, StringComparison.Ordinal);
        Assert.Contains("https://docs.example/id.pdf", showApplication.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badDocument.ExitCode);
        Assert.Contains("'passport=https://docs.example/p.pdf' is not KIND=URL", badDocument.Error, StringComparison.Ordinal);
        Assert.True(assigned.ExitCode == ExitCodes.Success, assigned.Error);
        Assert.Contains("Assigned, director-li responsible, to city-management.", assigned.Out, StringComparison.Ordinal);
        Assert.Contains("Rectification", showTask.Out, StringComparison.Ordinal);
        Assert.Contains("director-li", showTask.Out, StringComparison.Ordinal);
    }

    internal static async Task<string> ReportPotholeAsync(CityServer server, string category = "road.pothole", CaseKind kind = CaseKind.Incident)
    {
        var cell = (await new GridService.GridServiceClient(server.Channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0];
        var ack = await server.Intake.ReportAsync(new ReportRequest
        {
            ExternalId = $"cli-test-{Guid.NewGuid():N}",
            Source = ReportSource.GridWorker,
            Category = category,
            Description = "Pothole at the crossing, about 40 cm across.",
            CellId = cell.CellId,
            ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
            ReporterId = "worker-12",
            Kind = kind,
        });
        return ack.CaseId;
    }
}
