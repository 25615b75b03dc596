using System.ComponentModel.DataAnnotations;

namespace LectureHub.Infrastructure.Identity;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "lecturehub";

    [Required]
    public string Audience { get; set; } = "lecturehub-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Required outside Development; generated there when empty.</summary>
    [Required]
    [MinLength(44, ErrorMessage = "Jwt:SigningKey must be a base64 key of at least 32 bytes.")]
    public string SigningKey { get; set; } = "";

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How often each instance reloads the revoked sessions: the longest a logged-out access token still works elsewhere.</summary>
    [Range(0.1, 60)]
    public double RevocationRefreshSeconds { get; set; } = 2;
}
