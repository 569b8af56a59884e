using Agora.Web.Features.Network;

namespace Agora.Tests.Features.Network.Profiles;

/// <summary>The NUTS 2024 level-2 reference data: every region of the EU-27 and the EEA, checked against Eurostat's lists.</summary>
public sealed class NutsRegionsTests
{
    [Theory]
    [InlineData("PT", 9)]
    [InlineData("IE", 3)]
    [InlineData("NO", 7)]
    [InlineData("EL", 13)]
    [InlineData("DE", 38)]
    [InlineData("FR", 27)]
    [InlineData("ES", 19)]
    [InlineData("IT", 21)]
    [InlineData("PL", 17)]
    [InlineData("SI", 2)]
    [InlineData("IS", 1)]
    [InlineData("LI", 1)]
    [InlineData("LU", 1)]
    public void OfCountry_CountsAsNuts2024(string country, int regions) =>
        Assert.Equal(regions, NutsRegions.OfCountry(country).Count());

    [Fact]
    public void All_EuAndEeaCountries_253UniqueLevelTwoCodesWithNames()
    {
        Assert.Equal(253, NutsRegions.All.Count);
        Assert.Equal(30, NutsRegions.Countries.Count);
        Assert.Equal(NutsRegions.All.Count, NutsRegions.All.Select(r => r.Code).Distinct().Count());
        Assert.All(NutsRegions.All, r =>
        {
            Assert.Equal(4, r.Code.Length);
            Assert.StartsWith(r.Country, r.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.Name));
            Assert.Equal(r.Name.Trim(), r.Name);
            Assert.False(r.Code.EndsWith("ZZ", StringComparison.Ordinal), "Extra-Regio codes are not regions hubs serve");
        });
    }

    [Fact]
    public void Find_NamesAsEurostatWritesThem_LatinScript_CommasKept()
    {
        Assert.Equal("Grande Lisboa", NutsRegions.Find("PT1A")!.Name);
        Assert.Equal("Centro (PT)", NutsRegions.Find("pt19")!.Name);
        Assert.Equal("Anatoliki Makedonia, Thraki", NutsRegions.Find("EL51")!.Name);
        Assert.Equal("Yugozapaden", NutsRegions.Find("BG41")!.Name);
        Assert.Equal("Kýpros", NutsRegions.Find("CY00")!.Name);
        // Norway as NUTS 2024 has it.
        Assert.Equal("Trøndelag/Trööndelage", NutsRegions.Find("NO06")!.Name);
        Assert.Equal("Svalbard og Jan Mayen", NutsRegions.Find("NO0B")!.Name);
        Assert.Null(NutsRegions.Find("PT16")); // Centro before NUTS 2024
        Assert.Null(NutsRegions.Find("PTZZ"));
    }
}
