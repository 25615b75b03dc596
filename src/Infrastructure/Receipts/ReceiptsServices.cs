using LectureHub.Application.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace LectureHub.Infrastructure.Receipts;

internal static class ReceiptsServices
{
    public static void AddReceipts(this Registration r)
    {
        r.Options<ReceiptOptions>(ReceiptOptions.Section)
            .Validate(o => File.Exists(Path.Combine(o.FontDirectory, "NanumGothic.ttf")), "Receipts:FontDirectory must hold NanumGothic.ttf (Debian: apt-get install fonts-nanum).");
        r.Services.AddSingleton<IReceiptRenderer, PdfReceiptRenderer>();
    }
}
