using LectureHub.Application.Payments;
using LectureHub.Infrastructure.Payments.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Payments;

internal static class PaymentsServices
{
    /// <summary>The gateway client, the webhook inbox and its processor, reconciliation and coupon uses.</summary>
    public static void AddPayments(this Registration r)
    {
        r.Options<PaymentsOptions>(PaymentsOptions.Section).PostConfigure(payments =>
        {
            if (!payments.WebhookSecrets.ContainsKey(PaymentsOptions.LocalProvider) && r.IsDevelopment)
            {
                payments.WebhookSecrets[PaymentsOptions.LocalProvider] = "whsec_" + r.DevelopmentKey("keys/pg-webhook-secret.key", 32);
            }
        });
        r.Options<PaymentGatewayOptions>(PaymentGatewayOptions.Section).PostConfigure(gateway =>
        {
            if (string.IsNullOrEmpty(gateway.SecretKey) && r.IsDevelopment)
            {
                gateway.SecretKey = "test_sk_lecturehub_local"; // the local PG simulator's default (tools/PgSimulator)
            }
        });
        r.Services.AddSingleton<PaymentGatewayPipeline>();
        // HttpClient's own log lines carry the request URI, and the gateway's URIs carry payment keys (a test greps for them).
        r.Services.AddHttpClient<IPaymentGateway, PaymentGatewayClient>().RemoveAllLoggers();
        r.Services.AddScoped<ICouponRedemptions, CouponRedemptions>();

        r.Services.AddSingleton<IWebhookVerifier, StandardWebhookVerifier>();
        r.Services.AddSingleton<WebhookInboxSignal>();
        r.Services.AddSingleton<IWebhookInbox, WebhookInbox>();
        r.Services.AddSingleton<PaymentWebhookProcessor>();
        r.Worker<PaymentWebhookProcessor>("Payments:ProcessWebhooks");

        r.Options<ReconciliationOptions>(ReconciliationOptions.Section);
        r.Services.AddSingleton<PaymentReconciler>();
        r.Worker<PaymentReconciler>("Payments:Reconciliation:Enabled");
    }
}
