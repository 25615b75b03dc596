using LectureHub.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Terms;

internal static class TermsServices
{
    /// <summary>The terms in force, in memory on every instance.</summary>
    public static void AddTerms(this Registration r)
    {
        r.Options<TermsOptions>(TermsOptions.Section);
        r.Services.AddSingleton<TermsCatalog>();
        r.Services.AddSingleton<ITermsCatalog>(sp => sp.GetRequiredService<TermsCatalog>());
        r.Services.AddHostedService(sp => sp.GetRequiredService<TermsCatalog>());
    }
}
