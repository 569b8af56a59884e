namespace Agora.Web.Platform.Demo;

/// <summary>
/// The demo installation's published sign-in details (see README.md next to this file).
/// Only ever seeded outside Production; tests use these constants.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Password of every demo account.</summary>
    public const string Password = "Agora-demo-2026!";

    /// <summary>Base32 authenticator key of the accounts with two-factor sign-in: <c>oathtool --totp -b JBSWY3DPEHPK3PXP</c>.</summary>
    public const string TotpKey = "JBSWY3DPEHPK3PXP";

    /// <summary>Platform admin, two-factor.</summary>
    public const string Admin = "admin@agora.demo";
    /// <summary>Hub manager of helseplattformen, two-factor; admin of St. Olavs hospital.</summary>
    public const string Manager = "manager@agora.demo";
    /// <summary>Hub manager of imin-hub and dih-centro, two-factor; admin of SPMS.</summary>
    public const string OtherManager = "manager.imin@agora.demo";
    /// <summary>Member of helseplattformen and imin-hub; admin of an SME.</summary>
    public const string Member = "member@agora.demo";
    /// <summary>Agent of change in helseplattformen.</summary>
    public const string Agent = "agent@agora.demo";
    /// <summary>Facilitator in helseplattformen.</summary>
    public const string Facilitator = "facilitator@agora.demo";
    /// <summary>Mentor in helseplattformen.</summary>
    public const string Mentor = "mentor@agora.demo";
    /// <summary>Fellow in helseplattformen.</summary>
    public const string Fellow = "fellow@agora.demo";
    /// <summary>Evaluator and privacy reviewer in helseplattformen.</summary>
    public const string Evaluator = "evaluator@agora.demo";
    /// <summary>Legal and security reviewer in helseplattformen.</summary>
    public const string Reviewer = "reviewer@agora.demo";
    /// <summary>No hub membership, no organisation.</summary>
    public const string Citizen = "citizen@agora.demo";

    /// <summary>Open hub, languages pt-PT then en.</summary>
    public const string IminHub = "imin-hub";
    /// <summary>Hub joined on approval, languages nb-NO then en.</summary>
    public const string HelseplattformenHub = "helseplattformen";
    /// <summary>Hub joined by invitation only, languages en, pt-PT, nb-NO.</summary>
    public const string DihCentroHub = "dih-centro";

    /// <summary>Every demo account's email.</summary>
    public static readonly IReadOnlyList<string> All =
        [Admin, Manager, OtherManager, Member, Agent, Facilitator, Mentor, Fellow, Evaluator, Reviewer, Citizen];

    /// <summary>The three demo hubs' slugs.</summary>
    public static readonly IReadOnlyList<string> Hubs = [IminHub, HelseplattformenHub, DihCentroHub];
}
