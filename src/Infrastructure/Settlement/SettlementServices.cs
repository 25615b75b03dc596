using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Settlement;

internal static class SettlementServices
{
    /// <summary>The money terms (refund policy, gateway fee, commission) that every new order freezes.</summary>
    public static void AddSettlement(this Registration r)
    {
        r.Options<SettlementOptions>(SettlementOptions.Section);
        r.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SettlementOptions>>().Value.ToTerms());
        r.Services.AddSingleton<Application.Abstractions.IPayoutAccountSealer, PayoutAccountSealer>();
    }
}
