using System.Text.RegularExpressions;
using Sales.IntegrationTests.Hardening;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Progress;

/// <summary>
/// A notice printed while the progress line is drawn (here: the database is locked by another writer,
/// the test itself by <c>BEGIN IMMEDIATE</c>) starts a line of its own above the progress line, which is
/// then drawn again below it: neither garbles the other.
/// </summary>
public sealed partial class LockNoticeOnTerminalTests : IAsyncLifetime, IDisposable
{
    private const string Notice = "waiting for the database lock";
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);

    private readonly Workspace _workspace = new();
    private string _products = string.Empty;
    private string _stores = string.Empty;

    public async Task InitializeAsync()
    {
        _products = _workspace.Write("p.csv", Sheets.TwoProducts);
        _stores = _workspace.Write("s.csv", Sheets.TwoStores);
        await _workspace.ImportAsync(_products, _stores, _workspace.Write("first.csv", Sheets.DistinctSales(10)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [PseudoTerminalTheory]
    [InlineData(20)]
    public async Task The_lock_notice_gets_its_own_line_above_the_progress_line(int lines)
    {
        using var holder = _workspace.Database.Open();
        var transaction = holder.BeginTransaction(deferred: false);
        using var terminal = TerminalSession.Start(_workspace.Directory, Path.Combine(_workspace.Directory, "stdout.txt"),
            "import", "--db", _workspace.DatabasePath, "--products", _products, "--stores", _stores,
            "--sales", _workspace.Write("more.csv", Sheets.DistinctSales(lines)));

        await terminal.WaitForAsync(Notice, SafetyNet);
        transaction.Rollback();

        Assert.Equal(0, await terminal.WaitForExitAsync(SafetyNet));
        var shown = terminal.Shown;
        var notice = shown.IndexOf(Notice, StringComparison.Ordinal);
        // Only control sequences (the cursor hidden, ...) may stand between the start of its line and the notice.
        var lineStart = shown.LastIndexOfAny(['\r', '\n'], notice) + 1;
        Assert.True(ControlSequences().Replace(shown[lineStart..notice], string.Empty).Length == 0, shown);
        Assert.Contains($"sales: storing, {lines} of {lines} lines", shown[notice..], StringComparison.Ordinal);
        Assert.Equal(lines, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex ControlSequences();
}
