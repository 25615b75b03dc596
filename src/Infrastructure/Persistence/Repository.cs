using Ardalis.Specification.EntityFrameworkCore;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Common;

namespace LectureHub.Infrastructure.Persistence;

internal sealed class Repository<T>(AppDbContext db) : RepositoryBase<T>(db), IRepository<T>
    where T : Entity;
