using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Media;
using LectureHub.Domain.Courses;
using Mediator;

namespace LectureHub.Application.Courses.Commands;

/// <summary>
/// Attaches a file to a lecture (its instructor or an Admin): stored first, under its own new folder, then recorded.
/// If the transaction does not commit the folder stays behind unreferenced, and nothing can reach it: a download URL
/// is only signed for a recorded material.
/// </summary>
public sealed record AttachMaterialCommand(Guid LectureId, string FileName, Stream Content, long Length) : ICommand<MaterialDto>;

internal sealed class AttachMaterialValidator : AbstractValidator<AttachMaterialCommand>
{
    public AttachMaterialValidator() =>
        RuleFor(c => c.Length).InclusiveBetween(1, LectureMaterial.MaxBytes).OverridePropertyName("file")
            .WithMessage($"A material is between 1 byte and {LectureMaterial.MaxBytes / 1024 / 1024} MB.");
}

internal sealed class AttachMaterialHandler(
    IRepository<Course> courses, IRepository<LectureMaterial> materials, IMaterialStore store, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AttachMaterialCommand, MaterialDto>
{
    public async ValueTask<MaterialDto> Handle(AttachMaterialCommand command, CancellationToken cancellationToken)
    {
        await courses.LoadCourseOfLectureForEditAsync(currentUser, command.LectureId, cancellationToken);
        var attached = await materials.CountAsync(new MaterialsOfLectureSpec(command.LectureId), cancellationToken);
        LectureMaterial.EnsureRoom(attached);
        var id = Guid.CreateVersion7();
        var stored = await store.SaveAsync(id, command.FileName, command.Content, cancellationToken);
        var material = LectureMaterial.Attach(
            id, command.LectureId, currentUser.RequiredUserId, command.FileName, stored.Type, stored.SizeBytes, stored.Sha256, attached, clock.GetUtcNow());
        await materials.AddAsync(material, cancellationToken);
        return MaterialDto.From(material);
    }
}
