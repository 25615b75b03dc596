namespace LectureHub.Application.Abstractions;

/// <summary>Seals an instructor's account number for storage, and opens it again for the Admin who pays.</summary>
public interface IPayoutAccountSealer
{
    string Seal(string digits);

    string Open(string sealedNumber);
}
