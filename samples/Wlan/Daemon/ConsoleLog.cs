using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Net80211.Wlan.Daemon;

/// <summary>A minimal console logger for the daemon's lifecycle messages: "12:00:01 info  daemon: text" on
/// stderr.</summary>
internal sealed class ConsoleLogProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly TextWriter _writer = writer;
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ConsoleLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string level = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info ",
                LogLevel.Warning => "warn ",
                LogLevel.Error => "error",
                _ => "crit ",
            };
            string time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            string line = $"{time} {level} {category}: {formatter(state, exception)}";
            if (exception is not null) line += Environment.NewLine + exception;
            lock (owner._lock) owner._writer.WriteLine(line);
        }
    }
}
