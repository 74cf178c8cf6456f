using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Sales.Application;

/// <summary>Registers the application layer: the mediator and every command handler.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds <see cref="IMediator"/> and the handlers of this assembly. MediatR 5 has no DI package
    /// that restores here, so handlers are found by reflection over this assembly.
    /// </summary>
    public static IServiceCollection AddSalesApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton(TimeProvider.System);
        // The default window; AddSalesInfrastructure replaces it with the configured one.
        services.AddSingleton<Import.SaleDayPolicy>();
        // Counts only, read by a host that shows progress; costs a field increment per line otherwise.
        services.AddSingleton<Progress.WorkProgress>();
        // The use cases: handlers and ImportThenAnalyze share them, and never call one another.
        services.AddTransient<Import.ISheetsImporter, Import.SheetsImporter>();
        services.AddTransient<Analysis.IAnalysesRunner, Analysis.AnalysesRunner>();
        services.AddTransient<Run.ImportThenAnalyze>();

        var handlerInterfaces = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: type)));
        foreach (var (service, implementation) in handlerInterfaces)
        {
            services.AddTransient(service, implementation);
        }

        return services;
    }
}
