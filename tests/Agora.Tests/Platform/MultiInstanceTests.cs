using System.Net;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Features.Transfer;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>Two Agora instances on one PostgreSQL database, as behind a load balancer.</summary>
public sealed class MultiInstanceTests
{
    /// <summary>Instance A makes the database; instance B is a second process on the same database.</summary>
    private static async Task<(AgoraFactory A, AgoraFactory B)> TwoInstancesAsync()
    {
        var a = new AgoraFactory("Postgres");
        _ = a.Server;
        var b = new AgoraFactory("Postgres", new Dictionary<string, string?> { ["Database:ConnectionString"] = a.ConnectionString });
        _ = b.Server;
        await Task.CompletedTask;
        return (a, b);
    }

    [Fact]
    public async Task SignIn_CookieFromOneInstance_AcceptedByTheOther()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _a = a;
        await using var _b = b;
        var jar = new CookieContainer();
        var onA = new PageClient(a.CreateDefaultClient(new Uri("http://localhost"), new SharedCookies(jar)));
        await onA.SignInAsync(DemoAccounts.Member, DemoAccounts.Password, DemoAccounts.TotpKey);
        var onB = new PageClient(b.CreateDefaultClient(new Uri("http://localhost"), new SharedCookies(jar)));

        var (response, page) = await onB.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoAccounts.Member, page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NotificationMail_BothInstancesRunTheDigest_EachPersonGetsOneMessage()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _a = a;
        await using var _b = b;
        var c = await IdeaFixtures.CampaignAsync(a);
        var ideaId = await IdeaFixtures.SeedIdeaAsync(a, c, DemoAccounts.Member);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-2);
        var emails = Enumerable.Range(1, 50).Select(i => $"digest{i}@agora.test").ToList();
        await DbAsync(a, async db =>
        {
            foreach (var email in emails)
            {
                var person = new AgoraUser
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = "Digest " + email[6..email.IndexOf('@')],
                    SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = yesterday,
                };
                db.Users.Add(person);
                for (var n = 0; n < 3; n++)
                {
                    db.Notifications.Add(new Notification
                    {
                        UserId = person.Id, Kind = NotificationKind.Commented, HubId = c.HubId, IdeaId = ideaId, CampaignId = c.Id,
                        CreatedAt = yesterday, Delivery = Delivery.DailyDigest,
                    });
                }
            }
            return await db.SaveChangesAsync();
        });

        static async Task<int> RunAsync(AgoraFactory app)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationMailJob>().RunOnceAsync(CancellationToken.None);
        }
        var sent = await Task.WhenAll(Task.Run(() => RunAsync(a)), Task.Run(() => RunAsync(b)), Task.Run(() => RunAsync(a)), Task.Run(() => RunAsync(b)));

        var mails = new[] { a.MailDirectory, b.MailDirectory }.Where(Directory.Exists).SelectMany(Directory.GetFiles).Select(File.ReadAllText).ToList();
        foreach (var email in emails)
            Assert.Equal(1, mails.Count(m => m.Contains("To: " + email + "\r\n", StringComparison.OrdinalIgnoreCase)));
        Assert.True(sent.Sum() >= emails.Count, $"sent {string.Join("+", sent)}");
        Assert.Equal(0, await DbAsync(a, db => db.Notifications.CountAsync(n => n.Delivery == Delivery.DailyDigest && n.MailedAt == null && n.CreatedAt <= yesterday)));
    }

    /// <summary>
    /// Instance A (a separate process) takes a queued import and is killed mid-way, as by a crash: no shutdown code runs,
    /// its lease is left to run out. Instance B takes the job over and finishes it: every row stored once.
    /// </summary>
    [Fact]
    public async Task Import_KilledMidwayOnOneInstance_FinishesOnTheOther_EveryRowOnce()
    {
        // The database, the campaign and the queued import, made by an instance that runs no jobs.
        await using var setup = new AgoraFactory("Postgres", new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        _ = setup.Server;
        var c = await IdeaFixtures.CampaignAsync(setup, withQuestions: true);
        var manager = await SignInAsync(setup, DemoAccounts.Manager);
        const int total = 1_200, bad = total / 100;
        var rows = Enumerable.Range(1, total).Select(i => ImportTests.Row(i % 100 == 0 ? "" : $"Killed import idea {i}")).ToArray();
        var jobUrl = await TransferFixtures.StartAsync(manager.Client, c, ImportTests.Csv(rows));
        var jobId = TransferFixtures.JobId(jobUrl);
        var settings = new Dictionary<string, string>
        {
            ["Jobs:LeaseSeconds"] = "5", ["Jobs:PollSeconds"] = "1", ["Jobs:Skip:0"] = NotificationMailJob.Kind, ["Jobs:Skip:1"] = Agora.Web.Features.Requests.RequestReminders.Kind,
        };

        int processedAtKill;
        string? heldBy;
        using (var a = AgoraProcess.Start("Postgres", setup.ConnectionString, settings))
        {
            var until = DateTime.UtcNow.AddSeconds(120);
            while (await ProcessedAsync() < 2 * ImportJobRunner.BatchSize)
            {
                Assert.False(a.HasExited, "instance A stopped by itself");
                Assert.True(DateTime.UtcNow < until, "instance A did not get two batches in within two minutes");
                await Task.Delay(50);
            }
            a.Kill();
            processedAtKill = await ProcessedAsync();
            heldBy = await DbAsync(setup, db => db.BackgroundJobs.Where(j => j.Kind == ImportJobRunner.Kind && j.Key == jobId.ToString())
                .Select(j => j.LeaseOwner).SingleAsync());
            Assert.Contains($"/{a.Id}/", heldBy);
        }
        Assert.InRange(processedAtKill, 2 * ImportJobRunner.BatchSize, total - 1);

        var bSettings = settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        bSettings["Database:ConnectionString"] = setup.ConnectionString;
        bSettings["Demo:Enabled"] = "false";
        await using var b = new AgoraFactory("Postgres", bSettings);
        _ = b.Server;
        var job = await TransferFixtures.WaitAsync(manager.Client, jobUrl);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal((total, total - bad, bad), (job.GetProperty("processed").GetInt32(), job.GetProperty("good").GetInt32(), job.GetProperty("bad").GetInt32()));
        var titles = await DbAsync(setup, db => db.Ideas.Where(i => i.CampaignId == c.Id).Select(i => i.Title).ToListAsync());
        Assert.Equal(total - bad, titles.Count);
        Assert.Equal(total - bad, titles.Distinct().Count());
        Assert.Equal(total - bad, await DbAsync(setup, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync()));
        Assert.Equal(bad, await DbAsync(setup, db => db.IdeaImportErrors.CountAsync(e => e.JobId == jobId)));
        // The job row goes just after the import is marked completed (the runner ends the job once its work returns).
        var jobRows = 1;
        for (var until = DateTime.UtcNow.AddSeconds(30); jobRows > 0 && DateTime.UtcNow < until; await Task.Delay(100))
            jobRows = await DbAsync(setup, db => db.BackgroundJobs.CountAsync(j => j.Kind == ImportJobRunner.Kind));
        Assert.Equal(0, jobRows);

        Task<int> ProcessedAsync() => DbAsync(setup, db => db.IdeaImportJobs.Where(j => j.Id == jobId).Select(j => j.Processed).SingleAsync());
    }

    /// <summary>One cookie jar for clients of both instances, as a browser behind a load balancer has.</summary>
    private sealed class SharedCookies(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = jar.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) jar.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}
