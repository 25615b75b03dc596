using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;

namespace LectureHub.Application.Auth;

/// <summary>
/// Sensitive actions need a recent proof of identity: a sign-in, or POST /auth/step-up (the second factor where it
/// is on, else the password), within <see cref="Window"/>. A refreshed access token carries none.
/// </summary>
internal static class StepUp
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>What a password check answers for an account that has none (a social sign-up).</summary>
    public static UnprocessableException PasswordNotSet() =>
        new("PASSWORD_NOT_SET", "This account signs in with a social provider and has no password: sign in with the provider again for a fresh session, or set a password with a reset link (POST /api/v1/auth/password/forgot).");

    public static void Require(ICurrentUser caller, TimeProvider clock)
    {
        if (caller.AuthenticatedAt is not { } at || clock.GetUtcNow() - at > Window)
        {
            throw new UnauthorizedException(
                "STEP_UP_REQUIRED", $"This needs a recent sign-in: confirm it's you (POST /api/v1/auth/step-up) and retry with the new access token within {Window.TotalMinutes:0} minutes.");
        }
    }
}
