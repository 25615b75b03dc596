using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LectureHub.IntegrationTests.Support;

/// <summary>
/// Every log entry of the API at Information and above, while <see cref="Enabled"/>: the message, each structured
/// value, the scopes' values and the exception, as a JSON console line would carry them.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider? _scopes;

    public bool Enabled { get; set; }

    public IReadOnlyCollection<string> Entries => _entries;

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => capture.Enabled && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var entry = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            Append(entry, state);
            capture._scopes?.ForEachScope((scope, e) => Append(e, scope), entry);
            entry.Append(exception);
            capture._entries.Enqueue(entry.ToString());
        }

        private static void Append(StringBuilder entry, object? values)
        {
            if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    entry.Append(" | ").Append(key).Append('=').Append(value);
                }
            }
            else
            {
                entry.Append(" | ").Append(values);
            }
        }
    }
}
