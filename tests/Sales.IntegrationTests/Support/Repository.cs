namespace Sales.IntegrationTests.Support;

/// <summary>Paths of the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string fileName) => Path.Combine(Root, "samples", fileName);

    /// <summary>The host built alongside the tests (same configuration).</summary>
    public static string HostDll { get; } = Path.Combine(AppContext.BaseDirectory, "Sales.Host.dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sales.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sales.sln not found above " + AppContext.BaseDirectory);
    }
}
