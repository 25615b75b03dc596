using System.Text;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace LectureHub.Infrastructure.Settlement;

internal sealed class PayoutAccountSealer(IOptions<JwtOptions> options) : IPayoutAccountSealer
{
    private readonly SecretBox _box = new(JwtTokenService.DerivedKey(options.Value, "payout-account"));

    public string Seal(string digits) => _box.Seal(Encoding.ASCII.GetBytes(digits));

    public string Open(string sealedNumber) => Encoding.ASCII.GetString(_box.Open(sealedNumber));
}
