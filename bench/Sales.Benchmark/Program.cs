using System.CommandLine;
using Sales.Benchmark;

// Times the real host importing generated sales files against the sqlite3 shell doing the same
// job with the same durability settings, and the bare .import floor; checks that every contender
// stored exactly the expected number of sales, and writes the table as Markdown.
var root = RepositoryRoot();
if (root is null)
{
    Console.Error.WriteLine("error: run the benchmark from inside the repository (Sales.sln not found)");
    return 1;
}

return BenchmarkCommand.Create(root, Run).Parse(args).Invoke();

static int Run(BenchmarkOptions options)
{
    try
    {
        if (!File.Exists(options.Host))
        {
            throw new ArgumentException($"{options.Host} not found: publish it first (bash build/publish-host.sh)");
        }

        var runs = Enumerable.Range(1, options.Repeat).Select(run =>
        {
            Console.WriteLine($"run {run} of {options.Repeat}");
            return new BenchmarkRun(options).Run();
        }).ToList();
        var results = Medians.Of(runs);
        var markdown = Report.Markdown(options, results);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.Output != "-")
        {
            File.WriteAllText(options.Output, markdown);
            Console.WriteLine($"written to {options.Output}");
        }

        return 0;
    }
    catch (Exception error) when (error is ArgumentException or InvalidOperationException or IOException)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 1;
    }
}

static string? RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Sales.sln")))
        {
            return directory.FullName;
        }
    }

    return null;
}
