using Agora.Web.Platform.Auth;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// Issue 13 as a citizen lives it: they comment on and support an idea, see everything Agora holds about them, delete
/// their account; the discussion keeps their comment as by "a former member" in each language, the vote still counts,
/// and the audit trail shows the erasure. Every page is scanned with axe; screenshots go to screenshots/erasure/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErasureJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_citizen_exports_their_data_deletes_the_account_and_their_comment_stays_as_a_former_members()
    {
        var journey = new JourneySupport(fixture, output, "erasure", "en");
        await journey.RunAsync(async () =>
        {
            var id = Guid.NewGuid().ToString("N")[..8];
            var email = $"erase-{id}@example.org";
            var name = $"Ragnhild Erase {id}";
            var (hub, ideaId) = await PrepareAsync(email, name);
            var comment = $"Our ward tried this in spring ({id}).";

            await using var context = await fixture.NewContextAsync();
            var page = await journey.SignInAsAsync(context, email, "citizen");

            // Comment on and support an idea, through its page.
            await GotoOkAsync(page, $"/hubs/{hub}/ideas/{ideaId}", "Idea page");
            await page.Locator("#new-comment-body").FillAsync(comment);
            await SubmitOkAsync(page, page.Locator("#new-comment-body"), "Posting a comment");
            await GotoOkAsync(page, $"/hubs/{hub}/ideas/{ideaId}", "Idea page");
            await ClickOkAsync(page, page.Locator("form[action*='handler=Vote'] button"), "Supporting the idea");
            await journey.Visit(page, "idea-commented");
            var votes = await VotesAsync(ideaId);

            // Everything Agora holds about them, on the page.
            await GotoOkAsync(page, "/account/export", "Export page");
            await journey.Visit(page, "export");
            await ClickOkAsync(page, page.Locator("form[action*='handler=Show'] button"), "Showing my data");
            await Expect(page.Locator("main")).ToContainTextAsync(comment);
            await Expect(page.Locator("main")).ToContainTextAsync(email);
            await journey.Visit(page, "export-shown");

            // Delete the account: a wrong password is refused, the right one deletes.
            await GotoOkAsync(page, "/account/delete", "Delete page");
            await journey.Visit(page, "delete");
            await page.Locator("input[name='Input.Password']").FillAsync("not-my-password");
            await SubmitOkAsync(page, page.Locator("input[name='Input.Password']"), "Deleting with a wrong password");
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await journey.Visit(page, "delete-refused");
            await page.Locator("input[name='Input.Password']").FillAsync(DemoLogins.Password);
            await SubmitOkAsync(page, page.Locator("input[name='Input.Password']"), "Deleting the account");
            await Expect(page.Locator(".flash")).ToContainTextAsync(journey.L("Accounts.Deleted"));
            await journey.Visit(page, "deleted");

            // The discussion keeps the comment, by "a former member" in each language; the vote still counts.
            foreach (var (culture, formerMember) in new[] { ("en-GB", "a former member"), ("pt-PT", "um antigo membro"), ("nb-NO", "et tidligere medlem") })
            {
                await using var reader = await fixture.NewContextAsync(culture);
                var readerPage = await reader.NewPageAsync();
                await GotoOkAsync(readerPage, $"/hubs/{hub}/ideas/{ideaId}", "Idea page after the erasure");
                var main = readerPage.Locator("main");
                await Expect(main).ToContainTextAsync(comment);
                await Expect(main).ToContainTextAsync(formerMember);
                await Expect(main).Not.ToContainTextAsync(name);
                await journey.Visit(readerPage, $"thread-{culture}");
            }
            Assert.Equal(votes, await VotesAsync(ideaId));

            // The platform admin's audit trail shows the erasure, without the address.
            await using var adminContext = await fixture.NewContextAsync();
            var admin = await journey.SignInAsAsync(adminContext, DemoLogins.Admin, "admin", DemoLogins.TwoFactorKey);
            await GotoOkAsync(admin, "/admin/audit", "Audit trail");
            await Expect(admin.Locator("main")).ToContainTextAsync(journey.L("Audit.account.erased"));
            await Expect(admin.Locator("main")).Not.ToContainTextAsync(email);
            await journey.Visit(admin, "audit");
            await GotoOkAsync(admin, "/admin/erasure", "Erasure page");
            await journey.Visit(admin, "admin-erasure");

            // They can no longer sign in (the attempt itself is audited, under the address typed).
            await using var again = await fixture.NewContextAsync();
            var signIn = await again.NewPageAsync();
            await GotoOkAsync(signIn, "/account/signin", "Sign-in page");
            await signIn.Locator("input[name='Input.Email']").FillAsync(email);
            await signIn.Locator("input[name='Input.Password']").FillAsync(DemoLogins.Password);
            await SubmitOkAsync(signIn, signIn.Locator("input[name='Input.Email']"), "Signing in after the erasure");
            Assert.StartsWith("/account/signin", PathOf(signIn));
        });
    }

    /// <summary>A confirmed account with the demo password, and a published idea of an open public campaign to talk about.</summary>
    private async Task<(string Hub, int IdeaId)> PrepareAsync(string email, string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
        var created = await users.CreateAsync(new AgoraUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow,
        }, DemoLogins.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var idea = await (from i in db.Ideas
                          join c in db.Campaigns on i.CampaignId equals c.Id
                          join h in db.Hubs on i.HubId equals h.Id
                          where i.State == IdeaState.Published && c.State == CampaignState.Open
                                && i.HiddenAt == null
                          orderby i.Id
                          select new { h.Slug, HubId = h.Id, i.Id }).FirstAsync();
        var user = await users.FindByEmailAsync(email);
        db.HubMemberships.Add(new Agora.Web.Features.Hubs.HubMembership { HubId = idea.HubId, UserId = user!.Id, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (idea.Slug, idea.Id);
    }

    private async Task<int> VotesAsync(int ideaId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Votes.CountAsync(v => v.IdeaId == ideaId);
    }
}
