namespace Sales.Benchmark;

/// <summary>The real host, run as a whole process like a user runs it.</summary>
internal sealed class SalesHost(string hostDll)
{
    public Measurement Import(string database, SheetFiles files, string sales) =>
        Check(MeasuredProcess.Run("dotnet", [hostDll, "import", "--db", database, "--products", files.Products, "--stores", files.Stores, "--sales", sales]));

    public Measurement Analyze(string database) => Check(MeasuredProcess.Run("dotnet", [hostDll, "analyze", "--db", database]));

    private static Measurement Check(Measurement run) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"the host failed (exit {run.ExitCode}):\n{run.Output}");
}
