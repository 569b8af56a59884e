using System.Text;

namespace Agora.Browser.Tests;

public sealed class TotpTests
{
    // RFC 6238 appendix B (SHA-1 key "12345678901234567890"), last six of the eight digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, unixSeconds / Totp.StepSeconds));
    }

    [Fact]
    public void Base32_decodes_the_demo_key()
    {
        // "JBSWY3DPEHPK3PXP" is the base32 form of "Hello!\xDE\xAD\xBE\xEF".
        Assert.Equal([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef], Totp.Base32Decode("JBSWY3DPEHPK3PXP"));
        Assert.Equal(Totp.Base32Decode("JBSWY3DPEHPK3PXP"), Totp.Base32Decode("jbsw y3dp ehpk 3pxp"));
    }

    [Fact]
    public void Fresh_codes_in_one_step_move_ahead_inside_the_accepted_window_without_waiting()
    {
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // a key no other test uses
        var at = DateTimeOffset.FromUnixTimeSeconds(1_000_000_020); // step 33333334
        var step = at.ToUnixTimeSeconds() / Totp.StepSeconds;
        var bytes = Totp.Base32Decode(key);
        string[] expected = [Totp.Code(bytes, step), Totp.Code(bytes, step + 1), Totp.Code(bytes, step + 2), Totp.Code(bytes, step)];
        Assert.Equal(expected, Enumerable.Range(0, 4).Select(_ => Totp.FreshCode(key, at)));
        // Thirty seconds later the first code not handed out yet comes next, still inside the window.
        Assert.Equal(Totp.Code(bytes, step + 3), Totp.FreshCode(key, at.AddSeconds(Totp.StepSeconds)));
    }
}
