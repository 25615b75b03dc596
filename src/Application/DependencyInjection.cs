using FluentValidation;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddPageSizeValidators();
        services.AddDomainEventHandlers();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Auth.Commands.ExternalSignIns>();
        services.AddScoped<Cohorts.CohortFees>();
        services.AddSingleton<Observability.LectureHubMetrics>();
        return services;
    }

    private static void AddPageSizeValidators(this IServiceCollection services)
    {
        foreach (var query in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t.IsClass && typeof(Common.IPagedQuery).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IValidator<>).MakeGenericType(query), typeof(Common.PageSizeValidator<>).MakeGenericType(query));
        }
    }

    /// <summary>Registers every closed IDomainEventHandler&lt;T&gt; in this assembly.</summary>
    private static void AddDomainEventHandlers(this IServiceCollection services)
    {
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
