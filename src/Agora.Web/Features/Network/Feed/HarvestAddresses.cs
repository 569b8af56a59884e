using System.Net;
using System.Net.Sockets;

namespace Agora.Web.Features.Network;

/// <summary>
/// Which addresses a harvest may connect to. Checked on the address actually connected to (after DNS, in the
/// connection callback of the harvest client), so a name that resolves to an inside address is refused as well.
/// </summary>
public static class HarvestAddresses
{
    /// <summary>Whether <paramref name="address"/> is on the public internet: not loopback, private, link-local, shared, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 // "this" network
                || b[0] == 10 // private
                || b[0] == 127 // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // shared address space (carrier-grade NAT)
                || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata lives here)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 192 && b[1] == 168) // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
                || b[0] >= 224); // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // documentation
        }
        return false;
    }

    /// <summary>
    /// A check before any connection, for what needs no DNS: an address written in the URL, or a name that is the
    /// machine itself. Names are checked again on their resolved address when the connection is made.
    /// </summary>
    public static bool IsPublicHost(Uri url)
    {
        if (url.IsLoopback) return false;
        var host = url.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return false;
        return !IPAddress.TryParse(host, out var ip) || IsPublic(ip);
    }
}
