using FluentValidation;

namespace LectureHub.Application.Common;

/// <summary>
/// A list query with a page size. Every one is validated by <see cref="PageSizeValidator{TQuery}"/>, registered for
/// all of them at start-up, so a new list cannot forget the bounds; an architecture test holds every query with a
/// <c>Limit</c> to this interface.
/// </summary>
public interface IPagedQuery
{
    int Limit { get; }

    static abstract int MaxLimit { get; }
}

internal sealed class PageSizeValidator<TQuery> : AbstractValidator<TQuery>
    where TQuery : IPagedQuery
{
    public PageSizeValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, TQuery.MaxLimit);
}
