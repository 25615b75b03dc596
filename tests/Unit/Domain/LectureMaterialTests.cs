using System.Text;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;

namespace LectureHub.UnitTests.Domain;

public sealed class LectureMaterialTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "application/pdf")]
    [InlineData("AC1032\0\0", "image/vnd.dwg")]
    [InlineData("AutoCAD Binary DXF\r\n\u001a\0", "image/vnd.dxf")]
    [InlineData("  0\r\nSECTION\r\n  2\r\nHEADER", "image/vnd.dxf")]
    [InlineData("0\nSECTION\n", "image/vnd.dxf")]
    [InlineData("RIFF\u0001\u0002\u0003\u0004WEBPVP8 ", "image/webp")]
    [InlineData("PK\u0003\u0004", null)] // a zip (or an Office file) named .pdf
    [InlineData("AC10", null)] // a DWG signature without its version
    [InlineData("  0\r\nSECTIONS", "image/vnd.dxf")]
    [InlineData("  1\r\nSECTION", null)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", null)] // scriptable: never served
    [InlineData("", null)]
    public void A_file_is_recognised_by_its_first_bytes(string head, string? contentType) =>
        Assert.Equal(contentType, MaterialType.Recognise(Encoding.Latin1.GetBytes(head))?.ContentType);

    [Theory]
    [InlineData("배선도.png", "배선도.png")]
    [InlineData("사진.jpeg", "사진.png")]
    [InlineData("../../etc/passwd", "passwd.png")]
    [InlineData(@"C:\drawings\도면:1?.PNG", "도면1.png")]
    [InlineData("...", "material.png")]
    [InlineData("%2e%2e#frag.png", "2e2efrag.png")]
    public void The_name_keeps_the_uploaders_stem_safely_with_the_real_types_extension(string uploaded, string stored) =>
        Assert.Equal(stored, LectureMaterial.SafeName(uploaded, MaterialType.Png));

    [Fact]
    public void A_long_name_is_cut_to_the_limit_with_its_extension_kept()
    {
        var name = LectureMaterial.SafeName(new string('가', 300) + ".pdf", MaterialType.Pdf);
        Assert.Equal(LectureMaterial.MaxFileNameLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lecture_takes_twenty_materials_and_no_more()
    {
        var now = DateTimeOffset.UnixEpoch;
        var material = LectureMaterial.Attach(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "a.pdf", MaterialType.Pdf, 10, "ab", 19, now);
        Assert.Equal($"materials/{material.Id}/a.pdf", material.Path);
        var refused = Assert.Throws<DomainException>(() =>
            LectureMaterial.Attach(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "a.pdf", MaterialType.Pdf, 10, "ab", 20, now));
        Assert.Equal("MATERIAL_LIMIT_REACHED", refused.Code);
    }
}
