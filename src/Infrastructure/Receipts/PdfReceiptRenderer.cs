using LectureHub.Application.Payments;
using LectureHub.Domain.Common;
using LectureHub.Domain.Users;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace LectureHub.Infrastructure.Receipts;

/// <summary>
/// One A4 page per receipt, drawn with PDFsharp in Nanum Gothic (embedded, so Hangul shows on any reader): the seller,
/// the buyer, the order and payment, each line's price, discount and what was paid, the refunds, and the totals.
/// </summary>
internal sealed class PdfReceiptRenderer : IReceiptRenderer
{
    private const string Family = "Nanum Gothic";
    private static readonly Lock FontsLock = new();

    private readonly ReceiptOptions options;

    public PdfReceiptRenderer(IOptions<ReceiptOptions> options)
    {
        this.options = options.Value;
        lock (FontsLock)
        {
            // PDFsharp takes one resolver for the process, before the first font is made.
            GlobalFontSettings.FontResolver ??= new NanumFonts(this.options.FontDirectory);
        }
    }

    public byte[] Render(ReceiptDto r, string language)
    {
        var ko = language == Languages.Korean;
        string T(string korean, string english) => ko ? korean : english;
        string Won(long krw) => ko ? $"{KoreaTime.Won(krw)}원" : $"KRW {KoreaTime.Won(krw)}";

        using var document = new PdfDocument();
        document.Info.Title = T("LectureHub 영수증", "LectureHub receipt") + $" {r.OrderId}";
        document.Info.Creator = "LectureHub";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var title = new XFont(Family, 20, XFontStyleEx.Bold);
        var bold = new XFont(Family, 10, XFontStyleEx.Bold);
        var text = new XFont(Family, 10, XFontStyleEx.Regular);
        const double left = 50, right = 545;
        var y = 60.0;

        void Line(string label, string value, XFont? font = null)
        {
            gfx.DrawString(label, font ?? text, XBrushes.Black, new XPoint(left, y));
            gfx.DrawString(value, font ?? text, XBrushes.Black, new XRect(left, y - 10, right - left, 14), XStringFormats.TopRight);
            y += 18;
        }

        void Rule()
        {
            gfx.DrawLine(XPens.Gray, left, y - 8, right, y - 8);
            y += 6;
        }

        gfx.DrawString(T("영수증", "Receipt"), title, XBrushes.Black, new XPoint(left, y));
        y += 34;
        Line(T("판매자", "Seller"), options.Seller);
        Line(T("구매자", "Buyer"), $"{r.BuyerName} <{r.BuyerEmail}>");
        Line(T("주문 번호", "Order"), r.OrderId.ToString());
        Line(T("결제 일시", "Paid at"), r.PaidAt is { } paidAt ? KoreaTime.Stamp(paidAt) : "-");
        Line(T("결제 키", "Payment key"), r.PaymentKey ?? "-");
        y += 10;
        Rule();
        Line(T("품목", "Item"), T("정가 · 할인 · 결제", "Price · discount · paid"), bold);
        foreach (var line in r.Lines)
        {
            Line(line.Title, $"{Won(line.PriceKrw)} · {Won(line.DiscountKrw)} · {Won(line.PaidKrw)}");
        }

        if (r.Refunds.Count > 0)
        {
            y += 10;
            Rule();
            Line(T("환불", "Refunds"), "", bold);
            foreach (var refund in r.Refunds)
            {
                Line($"{refund.Title} ({KoreaTime.Stamp(refund.CompletedAt)})", $"-{Won(refund.AmountKrw)}");
            }
        }

        y += 10;
        Rule();
        Line(T("결제 금액", "Paid"), Won(r.PaidKrw), bold);
        Line(T("환불 금액", "Refunded"), Won(r.RefundedKrw), bold);
        Line(T("최종 결제 금액", "Total after refunds"), Won(r.NetKrw), bold);
        y += 20;
        gfx.DrawString(T("이 영수증은 LectureHub 결제 기록(원장)을 기준으로 발행되었습니다.", "Issued from LectureHub's payment ledger."), text, XBrushes.Gray, new XPoint(left, y));

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Nanum Gothic regular and bold, read from the font directory once.</summary>
    private sealed class NanumFonts(string directory) : IFontResolver
    {
        private readonly Lazy<byte[]> regular = new(() => File.ReadAllBytes(Path.Combine(directory, "NanumGothic.ttf")));
        private readonly Lazy<byte[]> boldFace = new(() => File.ReadAllBytes(Path.Combine(directory, "NanumGothicBold.ttf")));

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "NanumGothicBold" : "NanumGothic", mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[]? GetFont(string faceName) => faceName == "NanumGothicBold" ? boldFace.Value : regular.Value;
    }
}
