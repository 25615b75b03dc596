using Ardalis.Specification;
using LectureHub.Domain.Payments;

namespace LectureHub.Application.Payments;

public sealed class CouponByCodeSpec : SingleResultSpecification<Coupon>
{
    public CouponByCodeSpec(string code) => Query.Where(c => c.Code == Coupon.Normalize(code));
}

public sealed class AnomalySpec : Specification<PaymentAnomaly>
{
    public AnomalySpec(string paymentKey, AnomalyKind kind) => Query.Where(a => a.PaymentKey == paymentKey && a.Kind == kind);
}
