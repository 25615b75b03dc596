using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Payments;

/// <summary>Reconciliation of pending orders (section <c>Payments:Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Payments:Reconciliation";

    public bool Enabled { get; set; } = true;

    /// <summary>A PENDING order this old is checked against the gateway: confirm and webhook had their chance.</summary>
    [Range(1, 1440)]
    public int AfterMinutes { get; set; } = 10;

    /// <summary>A PENDING order the gateway has no payment for expires at this age.</summary>
    [Range(1, 10080)]
    public int ExpireAfterMinutes { get; set; } = 60;

    [Range(10, 3600)]
    public int EverySeconds { get; set; } = 60;
}
