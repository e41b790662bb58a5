using Nolb.Bench.Benchmark;
using Nolb.Bench.Generate;
using Nolb.Bench.Import;
using Nolb.Bench.Load;

namespace Nolb.Bench;

/// <summary>The entry point (a named class: the app's own top-level <c>Program</c> is the one the factories host).</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        return options.Command switch
        {
            "generate" => await GenerateCommand.RunAsync(options, Console.Out),
            "run" => await BenchmarkCommand.RunAsync(options, Console.Out),
            "load" => await LoadCommand.RunAsync(options, Console.Out),
            "import" => await ImportCommand.RunAsync(options, Console.Out),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.WriteLine(BenchOptions.Usage);
        return 2;
    }
}
