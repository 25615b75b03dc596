namespace LectureHub.Domain.Common;

/// <summary>The request is well-formed but makes no sense for this aggregate (422), e.g. it names a lecture the course lacks.</summary>
public sealed class DomainValidationException(string code, string message) : DomainException(code, message);
