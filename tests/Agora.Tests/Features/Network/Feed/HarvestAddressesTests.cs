using System.Net;
using Agora.Web.Features.Network;

namespace Agora.Tests.Features.Network.Feed;

public sealed class HarvestAddressesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("169.254.169.254")]
    [InlineData("192.168.1.10")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void IsPublic_PrivateLoopbackLinkLocalOrReserved_False(string address) =>
        Assert.False(HarvestAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("193.136.1.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_PublicAddress_True(string address) =>
        Assert.True(HarvestAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost/network/feed.json", false)]
    [InlineData("http://api.localhost/network/feed.json", false)]
    [InlineData("http://127.0.0.1:8080/network/feed.json", false)]
    [InlineData("http://[::1]/network/feed.json", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://10.1.2.3/network/feed.json", false)]
    [InlineData("https://agora.example.org/network/feed.json", true)]
    [InlineData("https://193.136.1.1/network/feed.json", true)]
    public void IsPublicHost_WithoutDns_RefusesWrittenInsideAddresses(string url, bool expected) =>
        Assert.Equal(expected, HarvestAddresses.IsPublicHost(new Uri(url)));

    /// <summary>The connection callback refuses a name resolving to an inside address, whatever the URL looked like.</summary>
    [Fact]
    public async Task Handler_NameResolvingToLoopback_RefusedAtConnect()
    {
        using var client = new HttpClient(Harvester.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:9/network/feed.json");
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request));
        var inner = Assert.IsType<HarvestException>(e.InnerException);
        Assert.Equal(HarvestErrors.Address, inner.Code);
    }
}
