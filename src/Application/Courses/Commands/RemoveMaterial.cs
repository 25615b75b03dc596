using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Media;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>
/// Removes a lecture's material (its instructor or an Admin). No new download URL is signed from then on; its bytes
/// are deleted once the removal has committed (<see cref="Events.DeleteMaterialFiles"/>), and a URL handed out
/// earlier finds nothing after that.
/// </summary>
public sealed record RemoveMaterialCommand(Guid LectureId, Guid MaterialId) : ICommand;

internal sealed class RemoveMaterialHandler(IRepository<Course> courses, IRepository<LectureMaterial> materials, ICurrentUser currentUser)
    : ICommandHandler<RemoveMaterialCommand>
{
    public async ValueTask<Unit> Handle(RemoveMaterialCommand command, CancellationToken cancellationToken)
    {
        await courses.LoadCourseOfLectureForEditAsync(currentUser, command.LectureId, cancellationToken);
        var material = await materials.GetByIdAsync(command.MaterialId, cancellationToken);
        if (material is null || material.LectureId != command.LectureId)
        {
            throw new NotFoundException("MATERIAL_NOT_FOUND", $"Lecture {command.LectureId} has no material {command.MaterialId}.");
        }

        material.Remove();
        materials.Delete(material);
        return Unit.Value;
    }
}
