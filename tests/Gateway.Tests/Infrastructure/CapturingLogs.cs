using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>A log provider that keeps every entry, with its structured fields and those of the scopes it was written in.</summary>
public sealed class CapturingLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

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
            var scope = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope((value, list) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    list.AddRange(pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
                }
            }, scope);
            var fields = state is IEnumerable<KeyValuePair<string, object?>> own ? own.ToList() : [];
            owner.Entries.Enqueue(new LogEntry(category, eventId, formatter(state, exception), fields, scope));
        }
    }
}

/// <summary>One captured entry: its fields are the message's own, its scope those of the scopes around it.</summary>
public sealed record LogEntry(
    string Category, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Fields, IReadOnlyList<KeyValuePair<string, object?>> Scope)
{
    public object? Field(string name) => Fields.FirstOrDefault(f => f.Key == name).Value;
}
