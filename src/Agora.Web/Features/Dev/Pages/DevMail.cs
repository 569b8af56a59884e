using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Dev.Pages;

public sealed record DevMessage(string Id, DateTimeOffset Date, string To, string Subject, string Body);

/// <summary>Reads the .eml files Agora wrote instead of sending (Development only).</summary>
public sealed partial class DevMailbox(IOptions<MailSettings> settings, IHostEnvironment env)
{
    public bool Available => env.IsDevelopment() && string.IsNullOrWhiteSpace(settings.Value.SmtpHost);

    private string Dir => MailSetup.PickupDirectory(settings.Value, env);

    public IReadOnlyList<DevMessage> List(int max = 200) =>
        !Directory.Exists(Dir) ? [] :
        Directory.EnumerateFiles(Dir, "*.eml").OrderByDescending(Path.GetFileName, StringComparer.Ordinal).Take(max)
            .Select(f => Read(Path.GetFileNameWithoutExtension(f))).OfType<DevMessage>().ToList();

    public DevMessage? Read(string id)
    {
        if (!IdPattern().IsMatch(id)) return null;
        var path = Path.Combine(Dir, id + ".eml");
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = (split < 0 ? text : text[..split]).Split("\r\n")
            .Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        var date = DateTimeOffset.TryParse(headers.GetValueOrDefault("Date"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateTimeOffset.MinValue;
        return new DevMessage(id, date, headers.GetValueOrDefault("To") ?? "", Mailer.DecodeHeader(headers.GetValueOrDefault("Subject") ?? ""),
            split < 0 ? "" : text[(split + 4)..].Replace("\r\n", "\n"));
    }

    [GeneratedRegex("^[0-9]{17}-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}

[AllowAnonymous]
public sealed class MailModel(DevMailbox mailbox) : PageModel
{
    public IReadOnlyList<DevMessage> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!mailbox.Available) return NotFound();
        Messages = mailbox.List();
        return Page();
    }
}

[AllowAnonymous]
public sealed partial class MessageModel(DevMailbox mailbox) : PageModel
{
    public DevMessage? Message { get; private set; }
    public IReadOnlyList<(string Text, bool IsLink)> Parts { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (!mailbox.Available || mailbox.Read(id) is not { } message) return NotFound();
        Message = message;
        var parts = new List<(string, bool)>();
        var last = 0;
        foreach (Match m in LinkPattern().Matches(message.Body))
        {
            parts.Add((message.Body[last..m.Index], false));
            parts.Add((m.Value, true));
            last = m.Index + m.Length;
        }
        parts.Add((message.Body[last..], false));
        Parts = parts;
        return Page();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
