using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Categories;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Categories;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>An Admin adds a board: for a trade category (one each) or of its own.</summary>
public sealed record CreateBoardCommand(string Slug, string NameKo, string NameEn, string? Description, Guid? CategoryId, int SortOrder) : ICommand<BoardDto>;

internal sealed class CreateBoardValidator : AbstractValidator<CreateBoardCommand>
{
    public CreateBoardValidator()
    {
        RuleFor(c => c.Slug).NotEmpty().MaximumLength(Category.MaxSlugLength)
            .Must(Category.IsValidSlug).WithMessage("'Slug' must be lower-case letters, digits and single dashes.");
        this.ValidBoardNames(c => c.NameKo, c => c.NameEn, c => c.Description, c => c.SortOrder);
    }
}

internal sealed class CreateBoardHandler(IRepository<Board> boards, IRepository<Category> categories) : ICommandHandler<CreateBoardCommand, BoardDto>
{
    public async ValueTask<BoardDto> Handle(CreateBoardCommand command, CancellationToken cancellationToken)
    {
        if (await boards.AnyAsync(new BoardBySlugSpec(command.Slug), cancellationToken))
        {
            throw new ConflictException("BOARD_SLUG_TAKEN", $"A board with slug '{command.Slug}' already exists.");
        }

        if (command.CategoryId is { } categoryId)
        {
            await categories.GetAsync(categoryId, cancellationToken);
            if (await boards.AnyAsync(new BoardOfCategorySpec(categoryId), cancellationToken))
            {
                throw new ConflictException("CATEGORY_HAS_BOARD", "That category already has its board.");
            }
        }

        var board = Board.Create(command.Slug, command.NameKo, command.NameEn, command.Description ?? "", command.CategoryId, command.SortOrder);
        await boards.AddAsync(board, cancellationToken);
        return BoardDto.From(board);
    }
}
