namespace LectureHub.Domain.Common;

/// <summary>A business rule was broken. <see cref="Code"/> is the stable machine code clients switch on.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
