namespace Sales.IntegrationTests.Support;

/// <summary>A fresh directory, deleted afterwards: under every <see cref="Workspace"/>, and a browser's profile.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sales-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
