using LectureHub.Domain.Learning;
using LectureHub.Infrastructure.Learning;

namespace LectureHub.UnitTests.Domain;

public sealed class LearningTests
{
    [Theory]
    [InlineData(0, 600_000, 0.0)]
    [InlineData(539_999, 600_000, 90.0)]
    [InlineData(600_000, 600_000, 100.0)]
    [InlineData(4_000, 3_996, 100.0)]
    [InlineData(0, 0, 0.0)]
    public void Percentages_have_one_decimal_and_never_pass_100(long covered, long duration, double percent) =>
        Assert.Equal(percent, WatchRules.Percent(covered, duration));

    [Fact]
    public void Certificate_codes_avoid_ambiguous_letters_and_read_back_in_any_case_or_spacing()
    {
        var codes = Enumerable.Range(0, 200)
            .Select(_ => Certificate.Issue(Guid.NewGuid(), Guid.NewGuid(), "a", "b", "c", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).Code)
            .ToList();

        Assert.All(codes, c => Assert.Matches("^LH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes[0], Certificate.NormalizeCode(codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Equal(codes[0], Certificate.NormalizeCode(codes[0][3..].Replace("-", "", StringComparison.Ordinal)));
        Assert.Equal("nonsense", Certificate.NormalizeCode("nonsense"));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef|fedcba9876543210fedcba9876543210|1000|5000|5000|1763888400000", true)]
    [InlineData("0123456789abcdef0123456789abcdef|fedcba9876543210fedcba9876543210|5000|1000|5000|1763888400000", false)]
    [InlineData("0123456789abcdef0123456789abcdef|fedcba9876543210fedcba9876543210|-1|1000|5000|1763888400000", false)]
    [InlineData("filler 1", false)]
    public void Buffered_records_are_read_strictly(string item, bool readable)
    {
        var record = WatchBuffer.Parse(item);

        Assert.Equal(readable, record is not null);
        if (record is not null)
        {
            Assert.Equal((1000, 5000, 5000, DateTimeOffset.FromUnixTimeMilliseconds(1763888400000)), (record.FromMs, record.ToMs, record.PositionMs, record.At));
        }
    }
}
