using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using Nolb.Web.Data;

namespace Nolb.Tests.Proof;

/// <summary>
/// The probe's "Bus error": SQLite maps its -shm (WAL index) file into memory, and reading a mapped page beyond the
/// file's end raises SIGBUS, which kills a .NET process outright (https://www.sqlite.org/howtocorrupt.html, 2.1).
/// Reproduced on the real app: start it on an SQLite file, truncate the -shm to 0 bytes, send a request that reads
/// the database: the process died with exit code 135 (128 + SIGBUS). A crash cannot be caught, so these tests run
/// Nolb in a child process: a crash fails the test instead of killing the test host.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SharedMemoryCrashTests
{
    [OnDatabaseFact(DatabaseProvider.Sqlite, "it breaks an SQLite -shm file; PostgreSQL has none")]
    public async Task A_shm_file_truncated_under_the_running_app_does_not_crash_it_and_one_that_cannot_be_restored_answers_503()
    {
        await using var app = await ChildApp.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SignInAsync()).StatusCode);
        var shm = app.DatabaseFile + "-shm";

        Truncate(shm);
        var afterTruncation = await app.SignInAsync();
        Assert.False(app.HasExited, $"Nolb crashed when its -shm was truncated:\n{app.Output}");

        Truncate(shm);
        HttpResponseMessage unrestorable, health;
        using (ReadOnlyFile.Make(shm))
        {
            unrestorable = await app.SignInAsync();
            health = await app.Http.GetAsync("/health");
        }

        Assert.False(app.HasExited, $"Nolb crashed on a truncated, read-only -shm:\n{app.Output}");
        var afterFix = await app.SignInAsync();

        // Grown back to its size, the index is rebuilt from the -wal and the request is served as before.
        Assert.Equal(HttpStatusCode.Unauthorized, afterTruncation.StatusCode);
        SqliteStorageFaultTests.AssertUnavailable(unrestorable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterFix.StatusCode);
        Assert.Contains(shm, app.Output, StringComparison.Ordinal);
    }

    [OnDatabaseFact(DatabaseProvider.Sqlite, "it breaks an SQLite -shm file; PostgreSQL has none")]
    public async Task Starting_on_a_shm_file_it_cannot_write_exits_with_one_sentence_naming_the_file_and_the_fix()
    {
        var databaseFile = ChildApp.NewDatabaseFile();
        var shm = databaseFile + "-shm";
        await File.WriteAllBytesAsync(shm, []);
        try
        {
            int exitCode;
            string output;
            using (ReadOnlyFile.Make(shm))
            {
                (exitCode, output) = await ChildApp.RunToExitAsync(databaseFile);
            }

            // Not an unhandled exception (exit 134, SIGABRT) with a stack trace: a refusal the operator can act on.
            Assert.Equal(1, exitCode);
            var refusal = Assert.Single(output.Split('\n'), line => line.Contains("Nolb cannot start", StringComparison.Ordinal));
            Assert.Contains(shm, refusal, StringComparison.Ordinal);
            Assert.Contains("chattr -i", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            ChildApp.DeleteDatabase(databaseFile);
        }
    }

    private static void Truncate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.SetLength(0);
    }
}

/// <summary>
/// Nolb run as operators run it, in a process of its own (the build's Nolb.Web.dll beside the tests, Development, a
/// fresh SQLite file, a port Kestrel picks), so that a fault that kills the process is seen as its exit.
/// </summary>
internal sealed class ChildApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool ownsDatabase;

    private ChildApp(string databaseFile, bool ownsDatabase)
    {
        DatabaseFile = databaseFile;
        this.ownsDatabase = ownsDatabase;
        process = new Process { StartInfo = StartInfo(databaseFile), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Nolb exited ({process.ExitCode}) before it listened:\n{Output}"));
    }

    public string DatabaseFile { get; }
    public HttpClient Http { get; private set; } = null!;
    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"nolb-child-{Guid.NewGuid():N}.db");

    public static async Task<ChildApp> StartAsync()
    {
        var app = new ChildApp(NewDatabaseFile(), ownsDatabase: true);
        app.Begin();
        var address = await app.listening.Task.WaitAsync(StartTimeout);
        app.Http = new HttpClient { BaseAddress = address };
        return app;
    }

    /// <summary>Runs Nolb on the caller's file until it exits by itself (a start-up refusal); its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string databaseFile)
    {
        await using var app = new ChildApp(databaseFile, ownsDatabase: false);
        app.Begin();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.process.WaitForExitAsync(timeout.Token);
        return (app.process.ExitCode, app.Output);
    }

    /// <summary>An API sign-in with an unknown account: it reads the database, and answers 401 when it can.</summary>
    public Task<HttpResponseMessage> SignInAsync() =>
        Http.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@nolb.test", password = "not-a-password" });

    public static void DeleteDatabase(string databaseFile)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (ownsDatabase)
        {
            DeleteDatabase(DatabaseFile);
        }
    }

    private void Begin()
    {
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        const string Marker = "Now listening on: ";
        if (line.IndexOf(Marker, StringComparison.Ordinal) is var at and >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim()));
        }
    }

    private static ProcessStartInfo StartInfo(string databaseFile)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Nolb.Web.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Nolb__Database__Provider"] = nameof(DatabaseProvider.Sqlite);
        start.Environment["ConnectionStrings__Nolb"] = $"Data Source={databaseFile}";
        start.Environment["Nolb__Demo"] = "false";
        start.Environment["Nolb__Retention__ScheduleEnabled"] = "false";
        return start;
    }
}
