using Agora.Web.Platform.Demo;

namespace Agora.Browser.Tests;

/// <summary>The demo installation's accounts (seeded when Demo:Enabled is true), from <see cref="DemoAccounts"/>.</summary>
public static class DemoLogins
{
    public const string Password = DemoAccounts.Password;
    public const string TwoFactorKey = DemoAccounts.TotpKey;

    public const string Admin = DemoAccounts.Admin;
    public const string Manager = DemoAccounts.Manager;
    public const string Member = DemoAccounts.Member;
    public const string Citizen = DemoAccounts.Citizen;

    /// <summary>The hub joined on approval, managed by <see cref="Manager"/>.</summary>
    public const string HubSlug = DemoAccounts.HelseplattformenHub;
}
