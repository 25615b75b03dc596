using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LectureHub.Application.Media;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

/// <summary>
/// Source videos in an S3 bucket. The client PUTs the whole file to a presigned URL (SigV4, valid for PresignMinutes)
/// and then completes the upload through the API, which checks the object's size with a HEAD request. ffprobe and
/// ffmpeg read a copy downloaded under the media root's <c>s3-cache</c> folder.
/// </summary>
internal sealed class S3VideoStorage(IAmazonS3 s3, IOptions<S3Options> options, IOptions<MediaOptions> media, TimeProvider clock) : IVideoStorage
{
    public bool AcceptsChunks => false;

    public UploadTarget UploadTarget(Guid uploadId, string key, long sizeBytes)
    {
        var expiresAt = clock.GetUtcNow().AddMinutes(options.Value.PresignMinutes);
        var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = options.Value.Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expiresAt.UtcDateTime,
            Protocol = options.Value.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        });
        return new UploadTarget("PUT", url, expiresAt, null);
    }

    public async Task<long> LengthAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(options.Value.Bucket, key, cancellationToken);
            return head.ContentLength;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }
    }

    public Task<long> AppendAsync(string key, long offset, Stream chunk, long length, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("S3 uploads go straight to the bucket; callers check AcceptsChunks first.");

    public Task ReleaseLocalCopyAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(CopyPath(key));
        return Task.CompletedTask;
    }

    private string CopyPath(string key) => Path.Combine(media.Value.Root, "s3-cache", key);

    public async Task<string> LocalPathAsync(string key, CancellationToken cancellationToken)
    {
        var path = CopyPath(key);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var response = await s3.GetObjectAsync(options.Value.Bucket, key, cancellationToken))
        {
            await response.WriteResponseStreamToFileAsync(partial, append: false, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    public static IAmazonS3 CreateClient(S3Options options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKey.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
