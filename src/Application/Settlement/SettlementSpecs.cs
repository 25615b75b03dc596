using Ardalis.Specification;
using LectureHub.Domain.Settlement;

namespace LectureHub.Application.Settlement;

public sealed class UnsettledEntriesSpec : Specification<LedgerEntry>
{
    public UnsettledEntriesSpec(Guid instructorId, DateTimeOffset before) =>
        Query.Where(e => e.InstructorId == instructorId && e.StatementId == null && e.Kind != LedgerKind.Payout && e.OccurredAt < before);
}

public sealed class StatementOfMonthSpec : SingleResultSpecification<InstructorStatement>
{
    public StatementOfMonthSpec(Guid instructorId, DateOnly month) => Query.Where(s => s.InstructorId == instructorId && s.Month == month);
}

public sealed class PayoutAccountOfInstructorSpec : SingleResultSpecification<PayoutAccount>
{
    public PayoutAccountOfInstructorSpec(Guid instructorId) => Query.Where(a => a.InstructorId == instructorId);
}
