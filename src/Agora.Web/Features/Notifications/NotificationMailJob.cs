using System.Globalization;
using System.Text;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Notifications;

/// <summary>Section "Notifications".</summary>
public sealed class NotificationSettings
{
    /// <summary>How often due email is looked for.</summary>
    public int MailIntervalSeconds { get; set; } = 30;
    /// <summary>The hour (UTC) after which each day's digest is sent.</summary>
    public int DigestHourUtc { get; set; } = 6;
}

/// <summary>
/// Sends notification email in batches: what is due "immediately" goes out on the next run, one message per
/// person with everything new; the daily digest goes once a day to each person with something in it.
/// Nobody ever gets an empty message, and each notification is mailed at most once. A recurring background job
/// (every <see cref="NotificationSettings.MailIntervalSeconds"/>, on one instance at a time).
/// </summary>
public sealed class NotificationMailJob(AgoraDbContext db, NotificationQueries queries, IMailer mailer, AccountLinks links,
    IStringLocalizer<SharedResource> t, IOptions<NotificationSettings> settings, TimeProvider clock, ILogger<NotificationMailJob> logger) : IJob
{
    public const string Kind = "notifications.mail";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => RunOnceAsync(ct);

    private const int BatchPeople = 100;
    private const int MaxItemsPerMail = 50;

    /// <summary>Runs one pass; answers how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sent = await SendAsync(Delivery.Immediately, now, now, ct);
        var digestTime = new DateTimeOffset(now.UtcDateTime.Date.AddHours(settings.Value.DigestHourUtc), TimeSpan.Zero);
        if (digestTime > now) digestTime = digestTime.AddDays(-1);
        // A digest holds what happened before the latest digest time; later events wait for the next one.
        sent += await SendAsync(Delivery.DailyDigest, digestTime, now, ct);
        return sent;
    }

    private async Task<int> SendAsync(Delivery delivery, DateTimeOffset before, DateTimeOffset now, CancellationToken ct)
    {
        var sent = 0;
        var failed = new HashSet<Guid>();
        while (true)
        {
            var people = await db.Notifications.Where(n => n.Delivery == delivery && n.MailedAt == null && n.CreatedAt <= before && !failed.Contains(n.UserId))
                .Select(n => n.UserId).Distinct().OrderBy(u => u).Take(BatchPeople).ToListAsync(ct);
            if (people.Count == 0) return sent;
            var recipients = await db.Users.Where(u => people.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PreferredLanguage }).ToListAsync(ct);
            foreach (var person in recipients)
            {
                var due = db.Notifications.Where(n => n.UserId == person.Id && n.Delivery == delivery && n.MailedAt == null && n.CreatedAt <= before);
                var facts = await queries.Facts(due.OrderBy(n => n.Id).Take(MaxItemsPerMail)).ToListAsync(ct);
                if (facts.Count == 0) continue;
                var ids = facts.Select(f => f.Id).ToList();
                var mail = person.Email is not null && person.EmailConfirmed ? Compose(person.Email, person.PreferredLanguage, delivery, facts) : null;
                try
                {
                    // Claim, send, commit: another instance mailing the same person holds these rows until it commits, and then
                    // they are no longer due here (the claim finds fewer rows and rolls back). A failed send rolls the claim back,
                    // so the next run tries again; only a crash between the send and the commit can send a message twice.
                    var mailed = await db.InTransactionAsync(async () =>
                    {
                        var claimed = await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailedAt == null)
                            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
                        if (claimed != ids.Count) return (false, false);
                        if (mail is not null) await mailer.SendAsync(mail, ct);
                        return (true, mail is not null);
                    }, ct);
                    if (mailed) sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left due: the next run tries again.
                    logger.LogWarning(e, "Notification mail to {UserId} failed.", person.Id);
                    failed.Add(person.Id);
                }
            }
            // People without a row (deleted meanwhile) must not block the loop.
            var gone = people.Except(recipients.Select(r => r.Id)).ToList();
            if (gone.Count > 0)
                await db.Notifications.Where(n => gone.Contains(n.UserId) && n.MailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
        }
    }

    private MailMessageData Compose(string to, string? language, Delivery delivery, List<NotificationQueries.Fact> facts)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(LocalizationSetup.IsSupported(language) ? LocalizationSetup.Normalize(language!) : "en");
        try
        {
            var body = new StringBuilder();
            body.AppendLine(t[delivery == Delivery.DailyDigest ? "Mail.Digest.Intro" : "Mail.Notification.Intro"]).AppendLine();
            foreach (var row in facts.Select(queries.Render))
                body.Append("- ").AppendLine(row.Text).Append("  ").AppendLine(links.Absolute(row.Url)).AppendLine();
            body.AppendLine(t["Mail.Notification.Settings", links.Absolute("/account/notifications")]);
            var subject = delivery == Delivery.DailyDigest
                ? t["Mail.Digest.Subject", facts.Count].Value
                : facts.Count == 1 ? queries.Render(facts[0]).Text : t["Mail.Notification.Subject", facts.Count].Value;
            return new MailMessageData(to, subject, body.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
