using LectureHub.Infrastructure.Caching;

namespace LectureHub.UnitTests.Infrastructure;

public sealed class CacheNameTests
{
    [Theory]
    [InlineData("course:0195c2a1b2c34d5e8f90a1b2c3d4e5f6:v1", "course")]
    [InlineData("courses:popular:all:v1", "courses:popular")]
    [InlineData("courses:search:v1:9f86d081884c7d659a2feaa0c55ad015", "courses:search")]
    [InlineData("posts:all:Hot:20:v1", "posts")]
    [InlineData("post:0195c2a1b2c34d5e8f90a1b2c3d4e5f6:thread:v1", "post")]
    [InlineData("categories:v1", "categories")]
    [InlineData("boards", "boards")]
    public void A_key_is_labelled_by_its_words_never_by_ids_or_hashes(string key, string cache) =>
        Assert.Equal(cache, RedisCache.CacheName(key).ToString());
}
