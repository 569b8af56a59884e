using System.Diagnostics;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// Agora as a separate operating-system process (the built Agora.Web.dll beside the tests), for what an in-memory
/// app cannot show: being killed. It listens on 127.0.0.1 only and is killed when disposed.
/// </summary>
public sealed class AgoraProcess : IDisposable
{
    private readonly Process _process;

    private AgoraProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts Agora on an existing database with the given settings (configuration keys, e.g. "Jobs:LeaseSeconds").</summary>
    public static AgoraProcess Start(string provider, string connectionString, IDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Agora.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Demo:Enabled"] = "false",
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "agora-tests", "process-mail-" + Guid.NewGuid().ToString("N")),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drain the output so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgoraProcess(process);
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
