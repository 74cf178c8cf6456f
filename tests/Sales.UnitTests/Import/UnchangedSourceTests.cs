using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Sales.Application;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>When the handler skips a source as unchanged, and when it must read it again.</summary>
public sealed class UnchangedSourceTests
{
    private static readonly SourceVersion Known = new("\"v1\"", null, new string('a', 64));
    private readonly ISheetReader _reader = Substitute.For<ISheetReader>();
    private readonly IImportStore _store = Substitute.For<IImportStore>();
    private readonly IImportSession _session = Substitute.For<IImportSession>();

    public UnchangedSourceTests()
    {
        _store.BeginAsync(default, default, default).ReturnsForAnyArgs(_session);
        _store.GetKnownVersionAsync(default, default!, default).ReturnsForAnyArgs(Known);
        _session.GetProductPricesAsync(default).ReturnsForAnyArgs(new Dictionary<string, decimal>());
        _session.GetStoreIdsAsync(default).ReturnsForAnyArgs(new HashSet<int>());
    }

    [Fact]
    public async Task A_source_not_modified_is_summarized_unchanged_and_its_version_kept()
    {
        _reader.OpenAsync(SheetKind.Sales, "v", Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.NotModified);

        var result = await SendAsync(new ImportSheetsCommand(null, null, "v"));

        var sheet = Assert.Single(result.Sheets);
        Assert.True(sheet.Unchanged);
        await _session.DidNotReceiveWithAnyArgs().InsertNewSalesAsync(default!, default);
        await _session.Received().RecordVersionAsync(SheetKind.Sales, "v", Known, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task With_logging_of_unchanged_imports_off_all_sources_not_modified_write_nothing()
    {
        _reader.OpenAsync(Arg.Any<SheetKind>(), Arg.Any<string>(), Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.NotModified);

        var result = await SendAsync(new ImportSheetsCommand("p", "s", "v") { LogWhenUnchanged = false });

        Assert.Null(result.ImportId);
        Assert.Equal([SheetKind.Products, SheetKind.Stores, SheetKind.Sales], result.Sheets.Select(s => s.Kind));
        Assert.All(result.Sheets, s => Assert.True(s.Unchanged));
        await _store.DidNotReceiveWithAnyArgs().BeginAsync(default, default, default);
    }

    [Fact]
    public async Task With_logging_of_unchanged_imports_off_one_changed_source_is_still_imported_and_logged()
    {
        _reader.OpenAsync(SheetKind.Stores, "s", Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.NotModified);
        var sales = Substitute.For<IOpenedSheet>();
        sales.Kind.Returns(SheetKind.Sales);
        sales.ContentHash.Returns(new string('c', 64));
        sales.ReadLines().Returns([]);
        _reader.OpenAsync(SheetKind.Sales, "v", Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.Opened(sales));
        _session.ImportId.Returns(7);

        var result = await SendAsync(new ImportSheetsCommand(null, "s", "v") { LogWhenUnchanged = false });

        Assert.Equal(7, result.ImportId);
        await _session.Received().CommitAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_source_answered_in_full_is_imported_even_with_the_same_bytes_and_its_new_version_remembered()
    {
        var sheet = Substitute.For<IOpenedSheet>();
        sheet.Kind.Returns(SheetKind.Sales);
        sheet.ContentHash.Returns(Known.ContentSha256);
        sheet.Version.Returns(Known with { ETag = "\"v2\"" });
        sheet.ReadLines().Returns([]);
        _reader.OpenAsync(SheetKind.Sales, "v", Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.Opened(sheet));

        var result = await SendAsync(new ImportSheetsCommand(null, null, "v"));

        Assert.False(Assert.Single(result.Sheets).Unchanged);
        sheet.Received().ReadLines();
        await _session.Received().RecordVersionAsync(SheetKind.Sales, "v", Known with { ETag = "\"v2\"" }, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_changed_catalogue_makes_the_sales_sheet_be_fetched_unconditionally()
    {
        var products = Substitute.For<IOpenedSheet>();
        products.Kind.Returns(SheetKind.Products);
        products.ContentHash.Returns(new string('b', 64));
        products.ReadLines().Returns([]);
        _reader.OpenAsync(SheetKind.Products, "p", Known, Arg.Any<CancellationToken>()).Returns(SheetOpening.Opened(products));
        var sales = Substitute.For<IOpenedSheet>();
        sales.Kind.Returns(SheetKind.Sales);
        sales.ReadLines().Returns([]);
        _reader.OpenAsync(SheetKind.Sales, "v", null, Arg.Any<CancellationToken>()).Returns(SheetOpening.Opened(sales));

        var result = await SendAsync(new ImportSheetsCommand("p", null, "v"));

        Assert.All(result.Sheets, s => Assert.False(s.Unchanged));
        await _reader.DidNotReceive().OpenAsync(SheetKind.Sales, Arg.Any<string>(), Arg.Is<SourceVersion?>(known => known != null), Arg.Any<CancellationToken>());
    }

    private async Task<ImportResult> SendAsync(ImportSheetsCommand command)
    {
        await using var services = new ServiceCollection()
            .AddSalesApplication()
            .AddSingleton(_reader)
            .AddSingleton(_store)
            .AddSingleton(Substitute.For<IStoreSchema>())
            .BuildServiceProvider();
        return await services.GetRequiredService<IMediator>().Send(command);
    }
}
