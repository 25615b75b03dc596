using System.ComponentModel.DataAnnotations;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

public sealed class ReadYourWritesOptions
{
    public const string Section = "ReadYourWrites";

    /// <summary>How long after a write the writer reads from the primary. Must exceed the worst replica lag you accept.</summary>
    [Range(0, 3600)]
    public int WindowSeconds { get; set; } = 10;
}
