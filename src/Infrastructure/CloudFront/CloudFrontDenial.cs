namespace LectureHub.Infrastructure.CloudFront;

/// <summary>Why a request was refused, in the order CloudFront checks.</summary>
public enum CloudFrontDenial
{
    None,
    MissingCredentials,
    Malformed,
    UnknownKeyPair,
    BadSignature,
    Expired,
    NotYetValid,
    ResourceMismatch,
    AddressMismatch,
}
