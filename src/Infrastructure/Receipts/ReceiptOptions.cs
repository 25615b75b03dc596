using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Receipts;

/// <summary>PDF receipts (section <c>Receipts</c>).</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Where NanumGothic.ttf and NanumGothicBold.ttf are (Debian's fonts-nanum): Hangul glyphs, embedded in each PDF.</summary>
    [Required]
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/nanum";

    /// <summary>The seller's line on every receipt (name, business registration number, address).</summary>
    [Required]
    public string Seller { get; set; } = "LectureHub";
}
