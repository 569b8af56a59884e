using System.Net;
using System.Net.Mail;
using System.Text;
using Agora.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Email;

/// <summary>Section "Mail". Without an SMTP host, messages are written as .eml files.</summary>
public sealed class MailSettings
{
    public string From { get; set; } = "Agora <no-reply@agora.localhost>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Folder for .eml files when no SMTP host is set; default data/mail.</summary>
    public string? PickupDirectory { get; set; }
}

public sealed record MailMessageData(string To, string Subject, string Body);

public interface IMailer
{
    Task SendAsync(MailMessageData message, CancellationToken ct = default);
}

public static class MailSetup
{
    public static void AddAgoraMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailSettings>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<IMailer, Mailer>();
    }

    public static string PickupDirectory(MailSettings settings, IHostEnvironment env) =>
        settings.PickupDirectory is { Length: > 0 } dir
            ? Path.GetFullPath(dir, DataSetup.FindRepositoryRoot(env.ContentRootPath))
            : Path.Combine(DataSetup.FindRepositoryRoot(env.ContentRootPath), "data", "mail");
}

public sealed class Mailer(IOptions<MailSettings> options, IHostEnvironment env, TimeProvider clock, ILogger<Mailer> logger) : IMailer
{
    public async Task SendAsync(MailMessageData message, CancellationToken ct = default)
    {
        var s = options.Value;
        if (!string.IsNullOrWhiteSpace(s.SmtpHost))
        {
            using var client = new SmtpClient(s.SmtpHost, s.SmtpPort) { EnableSsl = s.SmtpUseSsl };
            if (!string.IsNullOrEmpty(s.SmtpUser)) client.Credentials = new NetworkCredential(s.SmtpUser, s.SmtpPassword);
            using var mail = new MailMessage(MailAddress.TryCreate(s.From, out var from) ? from : new MailAddress("no-reply@agora.localhost"), new MailAddress(message.To))
            {
                Subject = message.Subject,
                Body = message.Body,
                BodyEncoding = Encoding.UTF8,
                SubjectEncoding = Encoding.UTF8,
            };
            await client.SendMailAsync(mail, ct);
            logger.LogInformation("Mail sent by SMTP to {Recipient}", Mask(message.To));
            return;
        }
        var dir = MailSetup.PickupDirectory(s, env);
        Directory.CreateDirectory(dir);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var eml = new StringBuilder()
            .Append("From: ").Append(s.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(EncodeHeader(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r")).Append("\r\n")
            .Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@agora.localhost>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.Body.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        await File.WriteAllTextAsync(Path.Combine(dir, name), eml.ToString(), new UTF8Encoding(false), ct);
        logger.LogInformation("Mail to {Recipient} written to {File}", Mask(message.To), name);
    }

    /// <summary>RFC 2047 encoded-word for non-ASCII subjects.</summary>
    public static string EncodeHeader(string value) =>
        value.All(c => c < 128) ? value : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";

    public static string DecodeHeader(string value) =>
        value.StartsWith("=?utf-8?B?", StringComparison.OrdinalIgnoreCase) && value.EndsWith("?=")
            ? Encoding.UTF8.GetString(Convert.FromBase64String(value[10..^2]))
            : value;

    private static string Mask(string email) => email.IndexOf('@') is > 2 and var at ? email[..2] + "***" + email[at..] : "***";
}
