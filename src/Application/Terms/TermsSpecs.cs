using Ardalis.Specification;
using LectureHub.Domain.Terms;

namespace LectureHub.Application.Terms;

public sealed class NewestTermsSpec : Specification<TermsDocument>
{
    public NewestTermsSpec(TermsKind kind) => Query.Where(d => d.Kind == kind).OrderByDescending(d => d.Version);
}
