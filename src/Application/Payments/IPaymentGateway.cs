namespace LectureHub.Application.Payments;

/// <summary>
/// A payment as the gateway reports it. Status DONE means the money was taken; after cancels it is PARTIAL_CANCELED
/// or CANCELED, and <see cref="BalanceAmount"/> is what is left of <see cref="TotalAmount"/>.
/// </summary>
public sealed record GatewayPayment(string PaymentKey, string OrderId, string Status, long TotalAmount, DateTimeOffset? ApprovedAt, long? BalanceAmount = null)
{
    /// <summary>What was returned to the buyer; null when the gateway says PARTIAL_CANCELED without saying what is left.</summary>
    public long? CanceledAmount => BalanceAmount is { } balance ? TotalAmount - balance : Status switch
    {
        "CANCELED" => TotalAmount,
        "PARTIAL_CANCELED" => null,
        _ => 0,
    };
}

/// <summary>The gateway refused the request (a 4xx with its code): retrying the same request will not help.</summary>
public sealed class PaymentGatewayRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The gateway could not be reached or kept failing after retries, or its circuit is open: try later.</summary>
public sealed class PaymentGatewayUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The payment gateway's API (Toss Payments-style). Confirm carries an idempotency key, so it is retried safely; the
/// gateway answers a repeated key with its first answer.
/// </summary>
public interface IPaymentGateway
{
    Task<GatewayPayment> ConfirmAsync(string paymentKey, Guid orderId, long amountKrw, CancellationToken cancellationToken);

    /// <summary>The payment as the gateway holds it now (webhooks and reconciliation trust this, not their input); null if it has none.</summary>
    Task<GatewayPayment?> GetPaymentAsync(string paymentKey, CancellationToken cancellationToken);

    /// <summary>The order's newest payment at the gateway, for an order whose confirm never reached us; null if none.</summary>
    Task<GatewayPayment?> GetPaymentByOrderAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <paramref name="amountKrw"/> of the payment to the buyer (all or part of what is left). The idempotency
    /// key names one refund, so a retry, or a repeat after our commit failed, cancels once.
    /// </summary>
    Task<GatewayPayment> CancelAsync(string paymentKey, long amountKrw, string reason, string idempotencyKey, CancellationToken cancellationToken);
}
