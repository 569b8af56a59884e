using System.Xml.Linq;
using Agora.Web.Features.Campaigns;

namespace Agora.Tests.Features.Campaigns;

/// <summary>Texts the campaign pages build from values ("CampaignState." + state) exist in every language.</summary>
public sealed class CampaignTextsTests
{
    public static TheoryData<string> Files => new() { "SharedResource.resx", "SharedResource.pt-PT.resx", "SharedResource.nb-NO.resx" };

    [Theory, MemberData(nameof(Files))]
    public void Resources_KeysBuiltFromEnums_Exist(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) dir = dir.Parent;
        var known = XDocument.Load(Path.Combine(dir!.FullName, "src", "Agora.Web", "Resources", file)).Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value).ToHashSet();
        var needed = Enum.GetNames<CampaignState>().Select(n => "CampaignState." + n)
            .Concat(Enum.GetNames<CampaignAudience>().SelectMany(n => new[] { "CampaignAudience." + n, "CampaignAudience." + n + ".Long" }))
            .Concat(Enum.GetNames<StrategicDriver>().Select(n => "StrategicDriver." + n))
            .Concat(Enum.GetNames<PhaseKind>().Select(n => "PhaseKind." + n))
            .Concat(Enum.GetNames<QuestionKind>().Select(n => "QuestionKind." + n));
        var missing = needed.Where(k => !known.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
    }
}
