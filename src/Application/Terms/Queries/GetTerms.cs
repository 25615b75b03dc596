using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Terms.Queries;

/// <summary>The terms in force, for sign-up and for the screen that asks to agree to a new version.</summary>
public sealed record GetTermsQuery : IQuery<CurrentTerms>;

internal sealed class GetTermsHandler(ITermsCatalog catalog) : IQueryHandler<GetTermsQuery, CurrentTerms>
{
    public async ValueTask<CurrentTerms> Handle(GetTermsQuery query, CancellationToken cancellationToken) => await catalog.CurrentAsync(cancellationToken);
}
