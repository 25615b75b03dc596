namespace LectureHub.Domain.Community;

/// <summary>Text as its author wrote it (Markdown) and the sanitized HTML made from it; always changed together.</summary>
public sealed record RenderedText(string Markdown, string Html);
