namespace LectureHub.Application.Abstractions;

/// <summary>A new authenticator's secret: shown once as text, an otpauth:// URI and its QR code; stored only as <see cref="ProtectedSecret"/>.</summary>
public sealed record TotpSetup(string Secret, string ProtectedSecret, string OtpAuthUri, byte[] QrCodePng);

/// <summary>TOTP (RFC 6238: SHA-1, 6 digits, 30 s) and recovery codes.</summary>
public interface ITwoFactor
{
    TotpSetup NewTotp(string accountName);

    /// <summary>The time step the code matches (this one, or one either side for clock drift), or null.</summary>
    long? MatchTotp(string protectedSecret, string code, DateTimeOffset now);

    /// <summary>A new recovery code to show the user, like <c>7KQ2M-XR4TD</c>.</summary>
    string NewRecoveryCode();

    /// <summary>The keyed hash stored for a recovery code, the same whatever case, spaces or dashes it was typed with.</summary>
    string HashRecoveryCode(string code);
}
