using LectureHub.Application.Abstractions;
using LectureHub.Domain.Courses;

namespace LectureHub.Application.Courses.Events;

/// <summary>A removed material's bytes leave the CDN, after the removal committed (so a rolled-back removal keeps them).</summary>
internal sealed class DeleteMaterialFiles(IMaterialStore store) : IDomainEventHandler<MaterialRemoved>
{
    public Task HandleAsync(MaterialRemoved domainEvent, CancellationToken cancellationToken) => store.DeleteAsync(domainEvent.MaterialId, cancellationToken);
}
