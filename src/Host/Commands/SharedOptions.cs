using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application;
using Sales.Application.Import;
using Sales.Domain.Parsing;
using Sales.Infrastructure;

namespace Sales.Host.Commands;

/// <summary>Options several verbs share, and how they combine with the configuration.</summary>
internal static class SharedOptions
{
    public static readonly Option<string?> Database = OptionValues.NotEmpty(
        "--db",
        "Path of the SQLite database (its directory must exist), or a PostgreSQL URI postgresql://user@host[:port]/database (default: Sales:DatabasePath, env Sales__DatabasePath).");

    public static readonly Option<string?> Products = OptionValues.NotEmpty(
        "--products",
        "Products sheet: a path or an http(s) URL (default: Sales:Sources:Products, env Sales__Sources__Products).");

    public static readonly Option<string?> Stores = OptionValues.NotEmpty(
        "--stores",
        "Stores sheet: a path or an http(s) URL (default: Sales:Sources:Stores, env Sales__Sources__Stores).");

    public static readonly Option<string?> SalesSheet = OptionValues.NotEmpty(
        "--sales",
        "Sales sheet: a path or an http(s) URL (default: Sales:Sources:Sales, env Sales__Sources__Sales).");

    public static readonly Option<bool> Strict = new("--strict")
    {
        Description = "Fail the whole import (nothing stored) when any line is refused.",
    };

    public static readonly Option<string?> DateFormat = OptionValues.NotEmpty(
        "--date-format",
        $"Order of slashed days when the sales sheet cannot tell: {DateOrderNames.Accepted}.");

    /// <summary>Adds the options of the verbs that import (<c>import</c>, <c>run</c>, <c>watch</c>) to <paramref name="command"/>.</summary>
    public static Command WithImportOptions(Command command)
    {
        foreach (var option in (Option[])[Database, Products, Stores, SalesSheet, Strict, DateFormat])
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>The settings, with this command line's options applied over the configuration as its last layer.</summary>
    public static HostSettings Resolve(ParseResult parse)
    {
        var given = new Dictionary<string, string?>
        {
            ["Sales:DatabasePath"] = parse.GetValue(Database),
            ["Sales:Sources:Products"] = parse.GetValue(Products),
            ["Sales:Sources:Stores"] = parse.GetValue(Stores),
            ["Sales:Sources:Sales"] = parse.GetValue(SalesSheet),
        };
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(given.Where(option => option.Value is not null))
            .Build();
        return HostSettingsLoader.Load(configuration);
    }

    /// <summary>The import this command line asks for, from the sources of <paramref name="settings"/>.</summary>
    public static ImportSheetsCommand ImportRequest(ParseResult parse, HostSettings settings) =>
        new(settings.Sources.Products, settings.Sources.Stores, settings.Sources.Sales)
        {
            Strict = parse.GetValue(Strict),
            DateOrder = ParseDateOrder(parse),
        };

    public static DateOrder? ParseDateOrder(ParseResult parse)
    {
        var text = parse.GetValue(DateFormat);
        if (text is null)
        {
            return null;
        }

        return DateOrderNames.TryParse(text, out var order)
            ? order
            : throw new UsageException($"--date-format '{text}' is not one of {DateOrderNames.Accepted}");
    }

    public static ServiceProvider BuildServices(HostSettings settings)
    {
        // A setting out of its range is named before anything runs.
        var check = new SalesOptions();
        settings.Configure(check);
        if (check.FindProblem() is { } problem)
        {
            throw new UsageException(problem);
        }

        return new ServiceCollection()
            .AddSalesApplication()
            .AddSalesInfrastructure(settings.Configure)
            .BuildServiceProvider();
    }
}
