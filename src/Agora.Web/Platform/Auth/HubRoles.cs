namespace Agora.Web.Platform.Auth;

/// <summary>Roles a person holds in one hub; a person may hold several.</summary>
[Flags]
public enum HubRoles
{
    None = 0,
    Member = 1,
    AgentOfChange = 2,
    Facilitator = 4,
    Mentor = 8,
    Fellow = 16,
    Evaluator = 32,
    LegalReviewer = 64,
    HubManager = 128,
    /// <summary>Takes gate decisions on the hub's innovation initiatives (go, pivot, hold, stop).</summary>
    Gatekeeper = 256,
    /// <summary>Reviews requests for privacy and data protection.</summary>
    PrivacyReviewer = 512,
    /// <summary>Reviews requests for information security.</summary>
    SecurityReviewer = 1024,
    /// <summary>Reviews requests as an ethics, technical, clinical or business expert.</summary>
    ExpertReviewer = 2048,
}

public static class HubRoleList
{
    /// <summary>Every single role, in the order people see them.</summary>
    public static readonly HubRoles[] All =
    [
        HubRoles.Member, HubRoles.AgentOfChange, HubRoles.Facilitator, HubRoles.Mentor,
        HubRoles.Fellow, HubRoles.Evaluator, HubRoles.LegalReviewer, HubRoles.Gatekeeper, HubRoles.HubManager,
        HubRoles.PrivacyReviewer, HubRoles.SecurityReviewer, HubRoles.ExpertReviewer,
    ];

    public const HubRoles Valid = (HubRoles)4095;

    public static IEnumerable<HubRoles> Split(HubRoles roles) => All.Where(r => roles.HasFlag(r));

    public static string Key(HubRoles role) => "Role." + role;

    /// <summary>Parses role names such as "Evaluator"; null when one is unknown.</summary>
    public static HubRoles? Parse(IEnumerable<string> names)
    {
        var result = HubRoles.None;
        foreach (var name in names)
        {
            var match = All.FirstOrDefault(r => string.Equals(r.ToString(), name, StringComparison.OrdinalIgnoreCase));
            if (match == HubRoles.None) return null;
            result |= match;
        }
        return result;
    }
}
