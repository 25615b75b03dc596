using LectureHub.Application.Media;
using LectureHub.Infrastructure.CloudFront;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Media;

internal static class MediaServices
{
    /// <summary>Uploads (local disk or S3), ffprobe, the HLS transcoder and CloudFront-signed playback.</summary>
    public static void AddMedia(this Registration r)
    {
        r.Options<MediaOptions>(MediaOptions.Section).PostConfigure(media =>
        {
            if (string.IsNullOrEmpty(media.Root))
            {
                media.Root = Path.Combine(r.DataDirectory, "media");
            }
        });
        r.Options<CloudFrontOptions>(CloudFrontOptions.Section).PostConfigure(cdn =>
        {
            if (string.IsNullOrEmpty(cdn.PrivateKeyPem) && r.IsDevelopment)
            {
                cdn.KeyPairId = string.IsNullOrEmpty(cdn.KeyPairId) ? "LOCALDEV" : cdn.KeyPairId;
                cdn.PrivateKeyPem = DevelopmentKeys.LoadOrCreateRsaPem(r.DataDirectory, "keys/cloudfront-private.pem", 2048);
            }
        });
        r.Services.AddSingleton(sp => CloudFrontKeys.Create(sp.GetRequiredService<IOptions<CloudFrontOptions>>().Value));
        r.Services.AddSingleton(sp => sp.GetRequiredService<CloudFrontKeys>().Signer);
        r.Services.AddSingleton(sp => sp.GetRequiredService<CloudFrontKeys>().Verifier);
        r.Services.AddSingleton<IPlaybackSigner, PlaybackSigner>();

        if (r.Configuration["Media:VideoStorage"] == "S3")
        {
            r.Options<S3Options>(S3Options.Section);
            r.Services.AddSingleton(sp => S3VideoStorage.CreateClient(sp.GetRequiredService<IOptions<S3Options>>().Value));
            r.Services.AddSingleton<IVideoStorage, S3VideoStorage>();
        }
        else
        {
            r.Services.AddSingleton<IVideoStorage, LocalVideoStorage>();
        }

        r.Services.AddSingleton<IMediaProbe, FfprobeMediaProbe>();
        r.Services.AddSingleton<IHlsPackager, HlsPackager>();
        r.Options<TranscodeOptions>(TranscodeOptions.Section);
        r.Services.AddSingleton<TranscodeWorker>();
        r.Worker<TranscodeWorker>("Transcoding:Enabled");
    }
}
