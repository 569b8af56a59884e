using System.Text.RegularExpressions;
using System.Xml.Linq;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Audit;

namespace Agora.Tests.Platform;

/// <summary>Every text people see exists, non-empty, in English, Portuguese and Norwegian Bokmål.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Resources = Path.Combine(Root, "src", "Agora.Web", "Resources");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    public static TheoryData<string> Cultures => new() { "SharedResource.resx", "SharedResource.pt-PT.resx", "SharedResource.nb-NO.resx" };

    [Theory, MemberData(nameof(Cultures))]
    public void Resources_EveryKeyInEveryCulture_NonEmpty(string file)
    {
        var english = Load("SharedResource.resx");
        var other = Load(file);
        var missing = english.Keys.Except(other.Keys).ToList();
        var extra = other.Keys.Except(english.Keys).ToList();
        var empty = other.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{file} has keys English lacks: {string.Join(", ", extra)}");
        Assert.True(empty.Count == 0, $"{file} has empty texts: {string.Join(", ", empty)}");
    }

    [Fact]
    public void Resources_GeneratedFilesMatchStrings()
    {
        // The .resx files are generated from Resources/strings/*.txt by scripts/build-resx.py.
        var keys = Directory.GetFiles(Path.Combine(Resources, "strings"), "*.txt").SelectMany(File.ReadAllLines)
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => l.Split(" | ")[0].Trim()).ToHashSet();
        Assert.Equal(keys.Order(), Load("SharedResource.resx").Keys.Order());
    }

    [Fact]
    public void Code_EveryLiteralKeyUsed_Exists()
    {
        var known = Load("SharedResource.resx").Keys.ToHashSet();
        var src = Path.Combine(Root, "src", "Agora.Web");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyUse().Matches(text))
            {
                var key = m.Groups["key"].Value;
                if (!known.Contains(key)) missing.Add($"{Path.GetRelativePath(src, file)}: {key}");
            }
        }
        Assert.True(missing.Count == 0, "Keys used but not defined:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Code_KeysBuiltFromValues_Exist()
    {
        var known = Load("SharedResource.resx").Keys.ToHashSet();
        var needed = new List<string>();
        needed.AddRange(AuditActions.All.Select(a => "Audit." + a));
        needed.AddRange(HubRoleList.All.Select(HubRoleList.Key));
        needed.AddRange(Enum.GetNames<JoinPolicy>().Select(p => "JoinPolicy." + p));
        needed.AddRange(Enum.GetNames<OrganisationType>().Select(p => "OrganisationType." + p));
        needed.AddRange(ApiScopes.All.Select(s => "Scope." + s));
        needed.AddRange(new[] { "ehealth", "ict", "mobile", "ai", "robotics" }.Select(f => "FocusArea." + f));
        needed.AddRange(new[] { 400, 403, 404, 405, 429, 500 }.SelectMany(c => new[] { $"Error.{c}.Title", $"Error.{c}.Message" }));
        needed.AddRange(new[] { "en", "pt-PT", "nb-NO" }.Select(c => "Language." + c));
        needed.AddRange(new[] { 400, 401, 403, 404, 405, 409, 415, 429, 500 }.Select(c => "Problem.Status" + c));
        var missing = needed.Where(k => !known.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    // T["Key"], t["Key", ...], v.Add("field", "Key"), v.Message("Key"), "Validation.X" literals.
    [GeneratedRegex(@"(?:\b[Tt]\[\s*""|\bAdd\(\s*[^,()]+,\s*""|\bMessage\(\s*"")(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.:\-]+)""(?!\s*\+)")]
    private static partial Regex KeyUse();
}
