using System.ComponentModel.DataAnnotations;
using LectureHub.Domain.Payments;

namespace LectureHub.Infrastructure.Settlement;

public sealed class RefundPolicyOptions
{
    [Required]
    [StringLength(40, MinimumLength = 1)]
    public string Version { get; set; } = RefundPolicy.Default.Version;

    [Range(0, 365)]
    public int FullRefundDays { get; set; } = RefundPolicy.Default.FullRefundDays;

    [Range(0, 100)]
    public double FullRefundBelowPercent { get; set; } = RefundPolicy.Default.FullRefundBelowPercent;

    [Range(0, 365)]
    public int PartialRefundDays { get; set; } = RefundPolicy.Default.PartialRefundDays;

    [Range(0, 100)]
    public double PartialRefundBelowPercent { get; set; } = RefundPolicy.Default.PartialRefundBelowPercent;
}
