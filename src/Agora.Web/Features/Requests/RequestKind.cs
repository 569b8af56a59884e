using Agora.Web.Features.Hubs;

namespace Agora.Web.Features.Requests;

/// <summary>The four kinds of request Agora knows, and the ones a hub manager defines.</summary>
public enum RequestKind
{
    ResearchParticipation,
    InnovationParticipation,
    /// <summary>A health-data access application, modelled on the European Health Data Space (EU 2025/327).</summary>
    HealthDataAccess,
    /// <summary>A test of a third-party product or service in the hub's sandbox (synthetic data only).</summary>
    SandboxTest,
    Custom,
}

/// <summary>The roles a reviewer of a request takes.</summary>
public enum ReviewRole
{
    Legal,
    Privacy,
    Ethics,
    Technical,
    Clinical,
    Business,
    Security,
}

public static class ReviewRoles
{
    /// <summary>The hub role a person must hold to review in <paramref name="role"/>.</summary>
    public static HubRoles HubRole(ReviewRole role) => role switch
    {
        ReviewRole.Legal => HubRoles.LegalReviewer,
        ReviewRole.Privacy => HubRoles.PrivacyReviewer,
        ReviewRole.Security => HubRoles.SecurityReviewer,
        _ => HubRoles.ExpertReviewer,
    };

    /// <summary>The review roles the hub roles <paramref name="roles"/> allow.</summary>
    public static IReadOnlyList<ReviewRole> AllowedBy(HubRoles roles) => Enum.GetValues<ReviewRole>().Where(r => roles.HasFlag(HubRole(r))).ToList();
}
