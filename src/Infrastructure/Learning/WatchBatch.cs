using System.Globalization;
using LectureHub.Application.Learning;
using LectureHub.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Learning;

/// <summary>A claimed batch: its id (to acknowledge it) and its records.</summary>
internal sealed record WatchBatch(long Id, IReadOnlyList<WatchRecord> Records);
