using System.Text.Json;
using System.Text.Json.Nodes;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Report;

/// <summary>
/// The samples' report opened in a real headless Chromium with the network disabled, as a store manager
/// would open it from an e-mail: it loads without a console error, requests nothing but itself, shows
/// every chart with a size, and its screenshot is taken (set SALES_REPORT_SCREENSHOT to a directory to keep it there: docs/ holds report-en.png).
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrowserReportTests(SampleReport report) : IClassFixture<SampleReport>
{
    private const int ViewportWidth = 1000;

    [ChromiumFact]
    public Task English_report_loads_offline_without_error_or_request_and_shows_every_chart() => OpenAndCheckAsync(report.EnglishPath, "Sales report", "report-en.png");

    [ChromiumFact]
    public Task French_report_loads_offline_without_error_or_request_and_shows_every_chart() => OpenAndCheckAsync(report.FrenchPath, "Rapport des ventes", "report-fr.png");

    private static async Task OpenAndCheckAsync(string path, string title, string screenshot)
    {
        // A safety net against a hung browser, not a timing assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var cancellationToken = timeout.Token;
        await using var browser = await DevToolsSession.StartAsync(cancellationToken);
        await browser.OpenPageAsync(cancellationToken);
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" })
        {
            await browser.SendAsync($"{domain}.enable", null, cancellationToken);
        }

        await browser.SendAsync("Network.emulateNetworkConditions", new JsonObject { ["offline"] = true, ["latency"] = 0, ["downloadThroughput"] = 0, ["uploadThroughput"] = 0 }, cancellationToken);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = ViewportWidth, ["height"] = 1200, ["deviceScaleFactor"] = 1, ["mobile"] = false }, cancellationToken);

        var url = new Uri(path).AbsoluteUri;
        var loaded = browser.WhenEventAsync("Page.loadEventFired");
        var navigation = await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken);
        Assert.Null(navigation["errorText"]);
        await loaded.WaitAsync(cancellationToken);

        Assert.Equal(title, await EvaluateAsync(browser, "document.title", cancellationToken));
        var charts = JsonSerializer.Deserialize<double[][]>(await EvaluateAsync(browser,
            "JSON.stringify([...document.querySelectorAll('svg')].map(svg => { const box = svg.getBoundingClientRect(); return [box.width, box.height]; }))", cancellationToken))!;
        Assert.Equal(7, charts.Length);
        Assert.All(charts, size => Assert.True(size[0] > 100 && size[1] > 50, $"a chart is {size[0]} x {size[1]} px"));

        await ScreenshotAsync(browser, Path.Combine(Path.GetDirectoryName(path)!, screenshot), cancellationToken);
        AssertNoErrorAndNoRequest(browser.Events, url);
    }

    private static void AssertNoErrorAndNoRequest(IReadOnlyCollection<JsonObject> events, string url)
    {
        var problems = events.Select(e => (Method: e["method"]?.GetValue<string>(), Params: e["params"]))
            .Where(e => e.Method switch
            {
                "Runtime.exceptionThrown" => true,
                "Runtime.consoleAPICalled" => e.Params?["type"]?.GetValue<string>() is "error" or "warning" or "assert",
                "Log.entryAdded" => e.Params?["entry"]?["level"]?.GetValue<string>() is "error" or "warning",
                "Network.requestWillBeSent" => e.Params?["request"]?["url"]?.GetValue<string>() != url,
                "Network.loadingFailed" => true,
                _ => false,
            })
            .Select(e => $"{e.Method}: {e.Params?.ToJsonString()}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(events, e => e["method"]?.GetValue<string>() == "Network.requestWillBeSent");
    }

    private static async Task ScreenshotAsync(DevToolsSession browser, string path, CancellationToken cancellationToken)
    {
        var metrics = await browser.SendAsync("Page.getLayoutMetrics", null, cancellationToken);
        var height = metrics["cssContentSize"]!["height"]!.GetValue<double>();
        var shot = await browser.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = ViewportWidth, ["height"] = height, ["scale"] = 1 },
        }, cancellationToken);
        var png = Convert.FromBase64String(shot["data"]!.GetValue<string>());
        Assert.True(png.Length > 10_000, $"screenshot of {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        if (Environment.GetEnvironmentVariable("SALES_REPORT_SCREENSHOT") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(Path.Combine(keep, Path.GetFileName(path)), png, cancellationToken);
        }
    }

    private static async Task<string> EvaluateAsync(DevToolsSession browser, string expression, CancellationToken cancellationToken)
    {
        var result = await browser.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        return result["result"]!["value"]!.GetValue<string>();
    }
}
