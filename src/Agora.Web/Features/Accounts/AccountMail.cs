using System.Text;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts;

/// <summary>The emails of the account life cycle, in the person's language.</summary>
public sealed class AccountMail(UserManager<AgoraUser> users, IMailer mailer, AccountLinks links, IStringLocalizer<SharedResource> t)
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public async Task SendConfirmationAsync(AgoraUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute($"/account/confirm-email?userId={user.Id}&code={Encode(token)}");
        await mailer.SendAsync(new MailMessageData(user.Email!, t["Mail.Confirm.Subject"], t["Mail.Confirm.Body", user.DisplayName, link]), ct);
    }

    public async Task SendAlreadyRegisteredAsync(AgoraUser user, CancellationToken ct) =>
        await mailer.SendAsync(new MailMessageData(user.Email!, t["Mail.AlreadyRegistered.Subject"],
            t["Mail.AlreadyRegistered.Body", user.DisplayName, links.Absolute("/account/signin"), links.Absolute("/account/forgot-password")]), ct);

    public async Task SendPasswordResetAsync(AgoraUser user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={Encode(token)}");
        await mailer.SendAsync(new MailMessageData(user.Email!, t["Mail.Reset.Subject"], t["Mail.Reset.Body", user.DisplayName, link]), ct);
    }
}
