using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Community;
using Mediator;

namespace LectureHub.Application.Community.Commands;

/// <summary>An Admin renames or reorders a board; its slug and category stay.</summary>
public sealed record UpdateBoardCommand(Guid Id, string NameKo, string NameEn, string? Description, int SortOrder) : ICommand<BoardDto>;

internal sealed class UpdateBoardValidator : AbstractValidator<UpdateBoardCommand>
{
    public UpdateBoardValidator() => this.ValidBoardNames(c => c.NameKo, c => c.NameEn, c => c.Description, c => c.SortOrder);
}

internal sealed class UpdateBoardHandler(IRepository<Board> boards) : ICommandHandler<UpdateBoardCommand, BoardDto>
{
    public async ValueTask<BoardDto> Handle(UpdateBoardCommand command, CancellationToken cancellationToken)
    {
        var board = await boards.GetByIdAsync(command.Id, cancellationToken) ?? throw CommunityAccess.BoardNotFound(command.Id);
        board.Rename(command.NameKo, command.NameEn, command.Description ?? "", command.SortOrder);
        return BoardDto.From(board);
    }
}
