using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.Tests;

/// <summary>What a cell or case grain logs carries its id in the log scope (CellId, CaseId), as structured fields.</summary>
public sealed class LogScopeTests
{
    [Fact]
    public async Task WhatACellLogs_NamesTheCellInItsScope()
    {
        using var folder = new TempFolder("log-scope");
        var captured = new CapturingLogs();
        await using var host = await GatewayHost.StartAsync(folder.Path, builder =>
        {
            builder.Logging.AddProvider(captured);
            builder.Logging.AddFilter<CapturingLogs>("Governance.Grains.Cells", LogLevel.Debug);
        });
        var cellId = (await host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 5 })).Cells[4].CellId;

        var ack = await host.Intake.ReportAsync(Reports.InCell(cellId));

        var opened = Assert.Single(captured.Entries, e => e.Message.StartsWith($"Opened case {ack.CaseId} ", StringComparison.Ordinal));
        Assert.Contains(new KeyValuePair<string, object?>("CellId", cellId), opened.Scope);
    }
}
