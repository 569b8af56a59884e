using Agora.Web.Platform.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// A call for fellows in helseplattformen, in the browser in English: the hub manager opens it and picks two reviewers;
/// two people apply; one reviewer scores both, the other declares a conflict on one and scores the other; the manager
/// closes the call and selects one applicant, who then holds the Fellow role on the hub's members page, and puts the
/// other on the reserve list, which that person sees on the call's page. Every page visited is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CommunityCallJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Hub = DemoAccounts.HelseplattformenHub;
    private const string Title = "Fellows for the discharge programme";
    private readonly JourneySupport journey = new(fixture, output, "community-call", "en");

    [Fact]
    public async Task A_manager_opens_a_call_people_apply_reviewers_score_and_one_is_selected_the_other_on_reserve() =>
        await journey.RunAsync(RunJourneyAsync);

    private string L(string key, params object[] args) => journey.L(key, args);

    private async Task RunJourneyAsync()
    {
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await journey.SignInAsAsync(managerContext, DemoAccounts.Manager, "manager", DemoAccounts.TotpKey);
        await GotoOkAsync(manager, $"/hubs/{Hub}/calls/new", "the new call form");
        await journey.Visit(manager, "manager-new-call");
        await manager.Locator("#Input_Role").SelectOptionAsync("Fellow");
        await manager.Locator("#Input_Title").FillAsync(Title);
        await manager.Locator("#Input_Description").FillAsync("A year with the hub's discharge programme.");
        await manager.Locator("input[name='Input.Audience'][value='SignedIn']").CheckAsync();
        await manager.Locator("#Input_Seats").FillAsync("1");
        await manager.Locator("#Input_Deadline").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        await manager.Locator("input[name='Input.Criteria[0].Name']").FillAsync("Motivation");
        await manager.Locator("input[name='Input.Criteria[0].Weight']").FillAsync("3");
        await manager.Locator("input[name='Input.Criteria[1].Name']").FillAsync("Experience");
        await manager.Locator("input[name='Input.Criteria[1].Weight']").FillAsync("1");
        await manager.Locator("input[name='Input.Questions[0].Text']").FillAsync("What would you work on?");
        await manager.Locator("input[name='Input.Stages[0].Name']").FillAsync("Workshop");
        await SubmitOkAsync(manager, manager.Locator("#Input_Title"), "Saving the draft call");
        var callPath = PathOf(manager);
        await ClickOkAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = L("Calls.Open"), Exact = true }), "Opening the call");
        await manager.GetByLabel("Eva Evaluator").CheckAsync();
        await manager.GetByLabel("Rune Reviewer").CheckAsync();
        await ClickOkAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = L("Calls.SaveReviewers"), Exact = true }), "Saving the reviewers");
        await journey.Visit(manager, "manager-call-open");

        async Task ApplyAsync(string email, string who)
        {
            await using var context = await fixture.NewContextAsync();
            var page = await journey.SignInAsAsync(context, email, who);
            await GotoOkAsync(page, callPath, "the call");
            await journey.Visit(page, $"{who}-call");
            await page.Locator("#Apply_Motivation").FillAsync("I want to help patients go home safely.");
            await page.Locator("textarea[name^='Apply.Answers']").FillAsync("Discharge checklists.");
            await page.Locator("#Apply_Consent").CheckAsync();
            await ClickOkAsync(page, page.GetByRole(AriaRole.Button, new() { Name = L("Calls.Apply"), Exact = true }), $"{who} applies");
            await Expect(page.Locator("#my-status")).ToContainTextAsync(L("ApplicantStatus.Submitted"));
            await journey.Visit(page, $"{who}-applied");
        }
        await ApplyAsync(DemoAccounts.Agent, "agent");
        await ApplyAsync(DemoAccounts.Mentor, "mentor");

        async Task ReviewAsync(string email, string who, string applicant, bool conflict)
        {
            await using var context = await fixture.NewContextAsync();
            var page = await journey.SignInAsAsync(context, email, who);
            await GotoOkAsync(page, callPath + "/applications", "the applications to review");
            await ClickOkAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = applicant, Exact = true }), $"{who} opens {applicant}");
            await Expect(page.GetByText(L("Calls.ScoresHidden"))).ToBeVisibleAsync();
            if (conflict)
            {
                await page.Locator("#Review_ConflictReason").FillAsync("We work in the same team.");
                await ClickOkAsync(page, page.GetByRole(AriaRole.Button, new() { Name = L("Calls.DeclareConflict"), Exact = true }), $"{who} declares a conflict");
                await Expect(page.Locator("#conflict-declared")).ToBeVisibleAsync();
            }
            else
            {
                var groups = page.Locator("form fieldset");
                await groups.Nth(0).GetByLabel("4", new() { Exact = true }).CheckAsync();
                await groups.Nth(1).GetByLabel("3", new() { Exact = true }).CheckAsync();
                await ClickOkAsync(page, page.GetByRole(AriaRole.Button, new() { Name = L("Calls.SubmitReview"), Exact = true }), $"{who} scores {applicant}");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = L("Calls.Reviews"), Exact = true })).ToBeVisibleAsync();
            }
            await journey.Visit(page, $"{who}-reviewed-{(conflict ? "conflict" : "scores")}");
        }
        await ReviewAsync(DemoAccounts.Evaluator, "evaluator", "Astrid Agent", false);
        await ReviewAsync(DemoAccounts.Evaluator, "evaluator", "Magnus Mentor", false);
        await ReviewAsync(DemoAccounts.Reviewer, "reviewer", "Astrid Agent", true);
        await ReviewAsync(DemoAccounts.Reviewer, "reviewer", "Magnus Mentor", false);

        // The manager closes the call and decides: the agent selected, the mentor on the reserve list.
        await GotoOkAsync(manager, callPath, "the call");
        await ClickOkAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = L("Calls.Close"), Exact = true }), "Closing the call");
        await GotoOkAsync(manager, callPath + "/applications", "the ranking");
        await journey.Visit(manager, "manager-ranking");
        await manager.GetByLabel(L("Calls.DecisionFor", "Astrid Agent")).SelectOptionAsync("Selected");
        await ClickOkAsync(manager, FormOf(manager.GetByLabel(L("Calls.DecisionFor", "Astrid Agent"))).GetByRole(AriaRole.Button), "Selecting the agent");
        await manager.GetByLabel(L("Calls.DecisionFor", "Magnus Mentor")).SelectOptionAsync("Reserve");
        await ClickOkAsync(manager, FormOf(manager.GetByLabel(L("Calls.DecisionFor", "Magnus Mentor"))).GetByRole(AriaRole.Button), "Putting the mentor on reserve");
        await journey.Visit(manager, "manager-decided");
        await GotoOkAsync(manager, $"/hubs/{Hub}/members?role=Fellow", "the hub's fellows");
        await Expect(manager.Locator("main")).ToContainTextAsync("Astrid Agent");
        await journey.Visit(manager, "manager-members-fellows");

        // (Magnus, not the citizen: the crowdsourcing journey sets the citizen's language to Portuguese.)
        await using var mentorContext = await fixture.NewContextAsync();
        var mentor = await journey.SignInAsAsync(mentorContext, DemoAccounts.Mentor, "mentor-again");
        await GotoOkAsync(mentor, callPath, "the call");
        await Expect(mentor.Locator("#my-next")).ToContainTextAsync(L("Calls.Next.Reserve", 1));
        await journey.Visit(mentor, "mentor-on-reserve");
    }
}
