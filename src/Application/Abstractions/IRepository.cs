using Ardalis.Specification;
using LectureHub.Domain.Common;

namespace LectureHub.Application.Abstractions;

/// <summary>Loads and adds aggregate roots through specifications, on the primary. Never saves.</summary>
public interface IRepository<T> : IRepositoryBase<T>
    where T : Entity;
