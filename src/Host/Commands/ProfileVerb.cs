using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Profiling;
using Sales.Application.Progress;
using Sales.Host.Progress;
using Sales.Host.Rendering;

namespace Sales.Host.Commands;

/// <summary><c>profile</c>: qualify the three sheets without importing them (nothing is written to the database).</summary>
internal static class ProfileVerb
{
    private const string ReportFileName = "profile.md";

    private static readonly Option<string?> Out = OptionValues.NotEmpty(
        "--out", $"Directory to write the profile into as a Markdown report ({ReportFileName}).");

    public static Command Create()
    {
        var command = new Command("profile", "Qualify the products, stores and sales sheets without importing them: types, gaps, invalid values, duplicates, orphans, days covered.")
        {
            SharedOptions.Products, SharedOptions.Stores, SharedOptions.SalesSheet, SharedOptions.DateFormat, Out, OutputOptions.Quiet,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = new ProfileSheetsCommand(settings.Sources.Products, settings.Sources.Stores, settings.Sources.Sales)
            {
                DateOrder = SharedOptions.ParseDateOrder(parse),
            };
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var mediator = services.GetRequiredService<IMediator>();
                var profile = await ProgressLine.ShowWhileAsync(services.GetRequiredService<WorkProgress>(), parse.GetValue(OutputOptions.Quiet),
                    () => mediator.Send(request, cancellationToken)).ConfigureAwait(false);
                Console.Write(ProfileRendering.Document(profile, markdown: false));
                if (parse.GetValue(Out) is { } outDirectory)
                {
                    Directory.CreateDirectory(outDirectory);
                    var path = Path.Combine(outDirectory, ReportFileName);
                    await File.WriteAllTextAsync(path, ProfileRendering.Document(profile, markdown: true), cancellationToken).ConfigureAwait(false);
                    Console.WriteLine();
                    Console.WriteLine($"wrote {path}");
                }

                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
