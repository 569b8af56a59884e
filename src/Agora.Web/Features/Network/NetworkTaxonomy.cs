namespace Agora.Web.Features.Network;

/// <summary>What kind of innovation hub a hub is in the European network.</summary>
public enum HubKind
{
    /// <summary>A European Digital Innovation Hub (co-funded by the Digital Europe Programme).</summary>
    Edih,
    /// <summary>A Digital Innovation Hub outside the EDIH programme.</summary>
    Dih,
    /// <summary>A hub awarded the Seal of Excellence in the EDIH call, funded otherwise.</summary>
    SealOfExcellence,
    /// <summary>Another innovation hub (a regional platform, a national agency's hub).</summary>
    Other,
}

/// <summary>The four service categories of the EDIH taxonomy.</summary>
public enum ServiceCategory
{
    TestBeforeInvest,
    SkillsAndTraining,
    SupportToFindInvestment,
    EcosystemAndNetworking,
}

/// <summary>Who a service is for (EDIH customers); a service may be for several.</summary>
[Flags]
public enum ServiceAudience
{
    None = 0,
    Sme = 1,
    SmallMidCap = 2,
    PublicSector = 4,
}

/// <summary>How a service is delivered; a service may be delivered in several ways.</summary>
[Flags]
public enum DeliveryModes
{
    None = 0,
    OnSite = 1,
    Remote = 2,
    CrossBorder = 4,
}

public enum PriceModel
{
    Free,
    Subsidised,
    Paid,
}

/// <summary>The kind of customer an EDIH reports.</summary>
public enum CustomerType
{
    Sme,
    SmallMidCap,
    PublicSector,
    Other,
}

/// <summary>Size class of a customer (EU definition: headcount and turnover).</summary>
public enum CompanySize
{
    Micro,
    Small,
    Medium,
    SmallMidCap,
    Large,
}

/// <summary>
/// The closed vocabularies of the network: service sub-types per EDIH category, technologies and sectors. Keys are
/// stable (stored, exported, harvested); people see the translations "Network.SubType.{key}", "Network.Technology.{key}",
/// "Network.Sector.{key}".
/// </summary>
public static class NetworkTaxonomy
{
    public static readonly IReadOnlyDictionary<ServiceCategory, string[]> SubTypes = new Dictionary<ServiceCategory, string[]>
    {
        [ServiceCategory.TestBeforeInvest] =
            ["awareness", "maturity-assessment", "demonstration", "strategy", "testing", "prototyping", "integration"],
        [ServiceCategory.SkillsAndTraining] = ["digital-skills", "technical-training", "bootcamp", "traineeship"],
        [ServiceCategory.SupportToFindInvestment] =
            ["access-to-finance", "investment-readiness", "funding-guidance", "public-procurement"],
        [ServiceCategory.EcosystemAndNetworking] =
            ["matchmaking", "community-building", "incubation", "internationalisation", "market-intelligence"],
    };

    public static readonly string[] Technologies =
        ["ai", "data", "hpc", "cybersecurity", "iot", "robotics", "cloud", "blockchain", "xr", "simulation", "5g", "other"];

    /// <summary>Health and care first: the network this platform serves.</summary>
    public static readonly string[] Sectors =
        ["health", "care", "public-administration", "manufacturing", "agrifood", "energy", "mobility", "education", "other"];

    public static readonly ServiceCategory[] Categories = Enum.GetValues<ServiceCategory>();

    public static bool IsSubType(ServiceCategory category, string? key) =>
        key is not null && SubTypes[category].Contains(key);

    /// <summary>The category a sub-type belongs to, or null for an unknown key.</summary>
    public static ServiceCategory? CategoryOf(string subType) =>
        SubTypes.Where(p => p.Value.Contains(subType)).Select(p => (ServiceCategory?)p.Key).FirstOrDefault();
}

/// <summary>
/// A set of vocabulary keys stored in one column as ",ai,data," (delimiters on both ends), so a filter is a
/// <c>Contains(Tags.Token("ai"))</c> that both databases translate to LIKE.
/// </summary>
public static class Tags
{
    public static string Join(IEnumerable<string> keys)
    {
        var list = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        return list.Count == 0 ? "" : "," + string.Join(',', list) + ",";
    }

    public static IReadOnlyList<string> Split(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Token(string key) => "," + key + ",";
}
