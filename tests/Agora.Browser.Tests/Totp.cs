using System.Security.Cryptography;

namespace Agora.Browser.Tests;

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits).</summary>
public static class Totp
{
    public const int StepSeconds = 30;
    /// <summary>Steps either side of the current one that ASP.NET Core Identity accepts.</summary>
    public const int AcceptedSteps = 2;
    private static readonly Dictionary<string, long> LastUsedStep = new();

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / StepSeconds;
        return Code(Base32Decode(base32Key), step);
    }

    /// <summary>
    /// A code the server accepts now, without waiting for a new 30-second step. ASP.NET Core Identity's
    /// AuthenticatorTokenProvider accepts the codes of two steps either side of the current one and does not remember
    /// used codes. Should a server refuse a code used twice, sign-ins in the same step get the next steps' codes
    /// (up to two ahead, still inside that window) before a code is given again.
    /// </summary>
    public static string FreshCode(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / StepSeconds;
        lock (LastUsedStep)
        {
            var last = LastUsedStep.TryGetValue(base32Key, out var used) ? used : long.MinValue;
            var next = last < step ? step : last < step + AcceptedSteps ? last + 1 : step;
            LastUsedStep[base32Key] = Math.Max(last, next);
            return Code(Base32Decode(base32Key), next);
        }
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (case-insensitive, spaces and padding ignored).</summary>
    public static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "").Replace("-", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
