using System.Collections.Concurrent;
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

    private sealed record Entry(string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> Scope);

    /// <summary>Keeps every entry with the fields of the scopes it was written in.</summary>
    private sealed class CapturingLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = new List<KeyValuePair<string, object?>>();
                owner._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        list.AddRange(pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
                    }
                }, fields);
                owner.Entries.Enqueue(new Entry(category, formatter(state, exception), fields));
            }
        }
    }
}
