using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// The crowdsourcing journey in imin-hub, in the browser and in Portuguese: a person joins the hub and submits an
/// idea to an open campaign, is shown a similar existing idea on the way and publishes anyway; another member votes
/// and comments with an @mention; the author (as follower) and the mentioned person are notified in Agora and by
/// email; the hub manager declines the idea with a public answer, which the author finds under "My ideas".
/// Every page visited is scanned with axe (no violation allowed) and photographed into screenshots/crowdsourcing/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrowdsourcingJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Shots = "crowdsourcing";
    private const string Portuguese = "pt-PT";
    private const string Hub = DemoAccounts.IminHub;
    private const string Campaign = "saude-digital-cidadao";
    private const string CampaignTitle = "Saúde digital para o cidadão";
    /// <summary>The demo idea of that campaign that the new one resembles (DemoIdeas).</summary>
    private const string SimilarTitle = "Lembretes de consultas por SMS";

    // The people (DemoContent.People): the author is not in the hub yet, the voter is a member, the mentioned person joins.
    private const string Author = DemoAccounts.Citizen;
    private const string AuthorName = "Chris Citizen";
    private const string Voter = DemoAccounts.Member;
    private const string VoterName = "Mikkel Member";
    private const string Mentioned = DemoAccounts.Fellow;
    private const string MentionedName = "Filipa Fellow";
    private const string Manager = DemoAccounts.OtherManager;
    private const string ManagerName = "Inês Manager";

    private const string Title = "Lembrete por SMS das consultas marcadas";
    private const string Problem = "Muitos utentes esquecem-se das consultas marcadas no centro de saúde e a vaga fica por aproveitar.";
    private const string Solution = "Enviar uma mensagem SMS na véspera da consulta, com a hora, o local e uma ligação para desmarcar.";
    private const string Benefits = "Menos faltas, vagas reaproveitadas e utentes mais tranquilos.";
    private const string CommentText =
        $"Apoio! Parece-me próxima da ideia da @{MentionedName} sobre lembretes por SMS; juntar as duas daria um serviço mais completo.";
    private const string PublicAnswer =
        "Obrigado pela proposta. Já existe uma ideia muito semelhante em análise, por isso vamos concentrar o trabalho nela: "
        + "as suas sugestões sobre a véspera da consulta foram acrescentadas.";

    private readonly JourneySupport journey = new(fixture, output, Shots, Portuguese);

    [Fact]
    public async Task A_member_publishes_despite_a_similar_idea_others_vote_and_mention_and_the_manager_declines_with_an_answer() =>
        await journey.RunAsync(RunJourneyAsync);

    private async Task RunJourneyAsync()
    {
        // Mail other journeys left due (e.g. the waiting list's offer to the same person) goes out first, so the mails
        // read below are this journey's own.
        await RunMailJobAsync();

        // --- 1. The author joins the hub and submits the idea --------------------------------------------------
        await using var authorContext = await fixture.NewContextAsync();
        var author = await journey.SignInAsAsync(authorContext, Author, "author");

        // The header's language switcher: from here on everything is Portuguese (and saved in the profile).
        await GotoOkAsync(author, $"/hubs/{Hub}", "imin-hub's page");
        await SwitchToPortugueseAsync(author);
        await journey.Visit(author, "author-hub-in-portuguese");

        // imin-hub is open: one button and the author is a member.
        await ClickOkAsync(author, author.GetByRole(AriaRole.Button, new() { Name = L("Hubs.Join"), Exact = true }), "Joining imin-hub");
        await Expect(author.GetByText(L("Hubs.Joined"))).ToBeVisibleAsync();
        await journey.Visit(author, "author-joined-hub");

        // The campaign, from the hub (or its list of campaigns).
        await GotoOkAsync(author, $"/hubs/{Hub}/campaigns", "imin-hub's campaigns");
        await journey.Visit(author, "author-campaigns");
        await ClickOkAsync(author, author.Locator("main").GetByRole(AriaRole.Link, new() { Name = CampaignTitle, Exact = true }).First, "Opening the campaign");
        Assert.Equal($"/hubs/{Hub}/campaigns/{Campaign}", PathOf(author));
        await journey.Visit(author, "author-campaign");

        // Wizard, step 1: the title (the language follows the page's).
        await ClickOkAsync(author, author.GetByRole(AriaRole.Link, new() { Name = L("Ideas.SubmitAnIdea"), Exact = true }), "Starting the wizard");
        Assert.Equal($"/hubs/{Hub}/campaigns/{Campaign}/ideas/new", PathOf(author));
        await journey.Visit(author, "author-wizard-title");
        var title = author.Locator("input[name='Input.Title']");
        await title.FillAsync(Title);
        await Expect(author.Locator("select[name='Input.Language']")).ToHaveValueAsync(Portuguese);
        await SubmitOkAsync(author, title, "Wizard step 1 (title)");

        // Step 2: the details, next to the ideas that look like the title.
        await Expect(author.Locator("textarea[name='Input.Problem']")).ToBeVisibleAsync();
        await ExpectSimilarIdeaAsync(author, "the details step");
        await journey.Visit(author, "author-wizard-details-similar-idea");
        await author.Locator("textarea[name='Input.Problem']").FillAsync(Problem);
        await author.Locator("textarea[name='Input.Solution']").FillAsync(Solution);
        await author.Locator("textarea[name='Input.Benefits']").FillAsync(Benefits);
        await author.Locator("input[name='Input.Beneficiaries'][value='Patients']").CheckAsync();
        await author.Locator("input[name='Input.Beneficiaries'][value='Organisation']").CheckAsync();
        await author.Locator("input[name='Input.Origin'][value='PatientOrCitizen']").CheckAsync();
        await author.Locator("input[name='Input.CareLevel'][value='Primary']").CheckAsync();
        await author.Locator("input[name='Input.Setting'][value='Both']").CheckAsync();
        await author.Locator("select[name='Input.FocusArea']").SelectOptionAsync("mobile");
        await author.Locator("input[name='Input.Tags']").FillAsync("sms, consultas, lembretes");
        await journey.Visit(author, "author-wizard-details-filled");
        await ClickOkAsync(author, author.GetByRole(AriaRole.Button, new() { Name = L("Ideas.ContinueToPreview"), Exact = true }), "Wizard step 2 (details)");

        // Step 3: the preview shows the similar idea again; the author publishes anyway.
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = L("Ideas.Preview"), Exact = true })).ToBeVisibleAsync();
        await Expect(author.Locator("main").GetByText(Solution)).ToBeVisibleAsync();
        await ExpectSimilarIdeaAsync(author, "the preview");
        await journey.Visit(author, "author-wizard-preview-similar-idea");
        await ClickOkAsync(author, author.GetByRole(AriaRole.Button, new() { Name = L("Ideas.Publish"), Exact = true }), "Publishing");

        var match = Regex.Match(PathOf(author), $"^/hubs/{Hub}/ideas/(\\d+)$");
        if (!match.Success) throw new XunitException($"Publishing did not lead to the idea's page but to {author.Url}. Page text: {await MainTextAsync(author)}");
        var ideaId = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var ideaPath = $"/hubs/{Hub}/ideas/{ideaId}";
        output.WriteLine($"Published idea {ideaId}: {ideaPath}");
        await Expect(author.GetByText(L("Ideas.Published"))).ToBeVisibleAsync();
        await Expect(author.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(StateTag(author)).ToHaveTextAsync(L("IdeaState.Published"));
        await Expect(author.Locator("main")).ToContainTextAsync(L("Ideas.By", AuthorName));
        await journey.Visit(author, "author-idea-published");

        // Comments on ideas one follows come in the daily digest unless one asks for them at once.
        await GotoOkAsync(author, "/notifications", "The author's notifications");
        await journey.Visit(author, "author-notifications-empty");
        await ClickOkAsync(author, author.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Notifications.Settings"), Exact = true }), "Opening the notification settings");
        Assert.Equal("/account/notifications", PathOf(author));
        var commentedAtOnce = author.Locator($"input[name='{NotificationKind.Commented}'][value='{Delivery.Immediately}']");
        await Expect(author.Locator($"input[name='{NotificationKind.Commented}'][value='{Delivery.DailyDigest}']")).ToBeCheckedAsync();
        await journey.Visit(author, "author-notification-settings");
        await commentedAtOnce.CheckAsync();
        await SubmitOkAsync(author, commentedAtOnce, "Saving the notification settings");
        await Expect(author.GetByText(L("Common.Saved"))).ToBeVisibleAsync();
        await Expect(author.Locator($"input[name='{NotificationKind.Commented}'][value='{Delivery.Immediately}']")).ToBeCheckedAsync();
        await journey.Visit(author, "author-notification-settings-saved");

        // --- 2. The person who will be mentioned joins the hub (mentions reach the hub's members) ---------------
        await using var mentionedContext = await fixture.NewContextAsync();
        var mentioned = await journey.SignInAsAsync(mentionedContext, Mentioned, "mentioned");
        await GotoOkAsync(mentioned, $"/hubs/{Hub}", "imin-hub's page");
        await SwitchToPortugueseAsync(mentioned);
        await ClickOkAsync(mentioned, mentioned.GetByRole(AriaRole.Button, new() { Name = L("Hubs.Join"), Exact = true }), "Joining imin-hub");
        await Expect(mentioned.GetByText(L("Hubs.Joined"))).ToBeVisibleAsync();
        await journey.Visit(mentioned, "mentioned-joined-hub");

        // --- 3. Another member votes and comments, mentioning that person --------------------------------------
        // A Portuguese browser (Accept-Language), so the demo member's saved profile stays as other tests expect it.
        await using var voterContext = await fixture.NewContextAsync(Portuguese);
        var voter = await journey.SignInAsAsync(voterContext, Voter, "voter");
        await Expect(voter.Locator("html")).ToHaveAttributeAsync("lang", Portuguese);
        await GotoOkAsync(voter, $"/hubs/{Hub}/campaigns/{Campaign}", "The campaign");
        await journey.Visit(voter, "voter-campaign");
        await ClickOkAsync(voter, voter.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First, "Opening the new idea");
        Assert.Equal(ideaPath, PathOf(voter));
        await journey.Visit(voter, "voter-idea");

        var support = voter.GetByRole(AriaRole.Region, new() { Name = L("Ideas.Support"), Exact = true });
        var countsShown = await support.GetByText(L("Ideas.VoteCountHidden")).CountAsync() == 0;
        if (countsShown) await Expect(support).ToContainTextAsync(L("Ideas.VoteCount", 0));
        await ClickOkAsync(voter, support.GetByRole(AriaRole.Button, new() { Name = L("Ideas.Vote"), Exact = true }), "Voting");
        await Expect(voter.GetByText(L("Ideas.Voted"))).ToBeVisibleAsync();
        await Expect(support.GetByText(L("Ideas.YouSupport"))).ToBeVisibleAsync();
        await Expect(support.GetByRole(AriaRole.Button, new() { Name = L("Ideas.WithdrawVote"), Exact = true })).ToBeVisibleAsync();
        if (countsShown) await Expect(support).ToContainTextAsync(L("Ideas.VoteCount", 1));
        else output.WriteLine("Vote counts are hidden in this phase: the vote is checked by the 'you support' line.");
        await journey.Visit(voter, "voter-voted");

        var commentBox = voter.Locator("form#new-comment textarea[name='Input.Body']");
        await commentBox.FillAsync(CommentText);
        await SubmitOkAsync(voter, commentBox, "Posting the comment");
        var commentMatch = Regex.Match(voter.Url, @"#comment-(\d+)$");
        if (PathOf(voter) != ideaPath || !commentMatch.Success)
            throw new XunitException($"After commenting the browser is at {voter.Url}, not at {ideaPath}#comment-{{id}}. Page text: {await MainTextAsync(voter)}");
        var commentId = long.Parse(commentMatch.Groups[1].Value, CultureInfo.InvariantCulture);
        var comment = voter.Locator($"#comment-{commentId}");
        await Expect(voter.GetByText(L("Comments.Posted"))).ToBeVisibleAsync();
        await Expect(comment).ToContainTextAsync(VoterName);
        await Expect(comment).ToContainTextAsync(CommentText);
        await journey.Visit(voter, "voter-commented");

        // --- 4. Notifications: in Agora and by email ----------------------------------------------------------
        var commentUrl = $"{ideaPath}#comment-{commentId}";
        var mentionText = L("Notification.Mentioned", VoterName, Title);
        var commentedText = L("Notification.Commented", VoterName, Title);

        await GotoOkAsync(mentioned, "/notifications", "The mentioned person's notifications");
        await ExpectNotificationAsync(mentioned, mentionText, commentUrl);
        await journey.Visit(mentioned, "mentioned-notifications");

        await GotoOkAsync(author, "/notifications", "The author's notifications");
        await ExpectNotificationAsync(author, commentedText, commentUrl);
        // Mentioned people hear once, as a mention; the author was not mentioned, so no mention for them.
        await Expect(author.Locator("main").GetByRole(AriaRole.Link, new() { Name = mentionText, Exact = true })).ToHaveCountAsync(0);
        await journey.Visit(author, "author-notifications-comment");

        var sent = await RunMailJobAsync();
        output.WriteLine($"The notification mail job sent {sent} message(s).");
        var mentionMail = SingleMailTo(Mentioned, mentionText);
        Assert.Equal(mentionText, mentionMail.Subject);
        var mailedLink = LinkIn(mentionMail, commentUrl);
        output.WriteLine($"Mention email body:{Environment.NewLine}{mentionMail.Body}");
        // Both the author and the mentioned person chose Portuguese: their email is Portuguese too.
        Assert.Contains(L("Mail.Notification.Intro"), mentionMail.Body);
        var authorMail = SingleMailTo(Author, commentedText);
        Assert.Equal(commentedText, authorMail.Subject);
        LinkIn(authorMail, commentUrl);
        Assert.Equal(0, await RunMailJobAsync());

        // The link in the email leads to the comment.
        var mailedPath = new Uri(mailedLink).PathAndQuery + new Uri(mailedLink).Fragment;
        await GotoOkAsync(mentioned, mailedPath, "The link in the mention email");
        Assert.Equal(ideaPath, PathOf(mentioned));
        await Expect(mentioned.Locator($"#comment-{commentId}")).ToContainTextAsync(CommentText);
        await journey.Visit(mentioned, "mentioned-followed-email-link");

        // --- 5. The hub manager reviews and declines the idea with a public answer -----------------------------
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await journey.SignInAsAsync(managerContext, Manager, "manager", DemoLogins.TwoFactorKey);
        await GotoOkAsync(manager, ideaPath, "The idea, for the manager");
        await SwitchToPortugueseAsync(manager);
        Assert.Equal(ideaPath, PathOf(manager));
        var triage = manager.GetByRole(AriaRole.Region, new() { Name = L("Ideas.Triage"), Exact = true });
        await Expect(triage).ToBeVisibleAsync();
        await journey.Visit(manager, "manager-idea");

        var underReview = triage.Locator($"input[name='Triage.State'][value='UnderReview']");
        await underReview.CheckAsync();
        await SubmitOkAsync(manager, underReview, "Moving the idea to review");
        await Expect(manager.GetByText(L("Ideas.StateSaved"))).ToBeVisibleAsync();
        await Expect(StateTag(manager)).ToHaveTextAsync(L("IdeaState.UnderReview"));
        await journey.Visit(manager, "manager-under-review");

        var declined = triage.Locator($"input[name='Triage.State'][value='Declined']");
        await declined.CheckAsync();
        await triage.Locator("textarea[name='Triage.Answer']").FillAsync(PublicAnswer);
        await SubmitOkAsync(manager, declined, "Declining the idea");
        await Expect(manager.GetByText(L("Ideas.StateSaved"))).ToBeVisibleAsync();
        await Expect(StateTag(manager)).ToHaveTextAsync(L("IdeaState.Declined"));
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = L("Ideas.PublicAnswer"), Exact = true })).ToContainTextAsync(PublicAnswer);
        await journey.Visit(manager, "manager-declined");

        // --- 6. The author finds the decision and the answer under "My ideas" ---------------------------------
        await GotoOkAsync(author, "/notifications", "The author's notifications after the decision");
        await ExpectNotificationAsync(author, L("Notification.IdeaStateChanged", ManagerName, Title, L("IdeaState.Declined")), ideaPath);
        await journey.Visit(author, "author-notifications-decision");

        await ClickOkAsync(author, author.GetByRole(AriaRole.Link, new() { Name = L("Nav.MyIdeas"), Exact = true }).First, "Opening 'My ideas'");
        Assert.Equal("/ideas/mine", PathOf(author));
        var row = author.Locator("main tr").Filter(new() { Has = author.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(CampaignTitle);
        await Expect(row).ToContainTextAsync(L("IdeaState.Declined"));
        await Expect(row).ToContainTextAsync(PublicAnswer);
        await journey.Visit(author, "author-my-ideas-declined");
    }

    // --- Steps ------------------------------------------------------------------------------------------------

    private static async Task SwitchToPortugueseAsync(IPage page)
    {
        var culture = page.Locator("select[name='culture']");
        await culture.SelectOptionAsync(Portuguese);
        await SubmitOkAsync(page, culture, "Switching the language to Portuguese");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Portuguese);
    }

    /// <summary>The idea's state, shown as a tag under its title.</summary>
    private static ILocator StateTag(IPage page) => page.Locator("main h1 + p .tag").First;

    /// <summary>The "similar ideas" aside lists the demo idea, with a link to it.</summary>
    private async Task ExpectSimilarIdeaAsync(IPage page, string where)
    {
        var aside = page.GetByRole(AriaRole.Complementary, new() { Name = L("Ideas.SimilarIdeas"), Exact = true });
        if (await aside.CountAsync() != 1)
            throw new XunitException($"{where}: no single \"{L("Ideas.SimilarIdeas")}\" aside at {page.Url}. Page text: {await MainTextAsync(page)}");
        var link = aside.GetByRole(AriaRole.Link, new() { Name = SimilarTitle, Exact = true });
        if (await link.CountAsync() != 1)
            throw new XunitException($"{where}: the similar ideas do not list \"{SimilarTitle}\". Aside: {await aside.InnerTextAsync()}");
        Assert.Matches($"^/hubs/{Hub}/ideas/\\d+$", await link.GetAttributeAsync("href"));
        await Expect(aside).ToContainTextAsync(L("Ideas.SimilarIdeasHint"));
    }

    /// <summary>The notifications page lists the sentence, linking to where it happened, as new.</summary>
    private async Task ExpectNotificationAsync(IPage page, string text, string url)
    {
        var link = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
        if (await link.CountAsync() != 1)
            throw new XunitException($"The notifications at {page.Url} do not list \"{text}\" once. Page text: {await MainTextAsync(page)}");
        await Expect(link).ToHaveAttributeAsync("href", url);
        // "Has" is matched inside each item: a locator from the page root, not from main.
        var item = page.Locator("main li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = text, Exact = true }) });
        await Expect(item).ToContainTextAsync(L("Notifications.New"));
    }

    // --- Email ------------------------------------------------------------------------------------------------

    private async Task<int> RunMailJobAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailJob>().RunOnceAsync(CancellationToken.None);
    }

    private sealed record SavedMail(string File, string To, string Subject, string Body);

    /// <summary>The one message to the address that mentions the text (its subject or body).</summary>
    private SavedMail SingleMailTo(string address, string text)
    {
        var all = Directory.EnumerateFiles(fixture.App.MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(ReadMail).ToList();
        var mine = all.Where(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList();
        var matching = mine.Where(m => m.Subject.Contains(text, StringComparison.Ordinal) || m.Body.Contains(text, StringComparison.Ordinal)).ToList();
        if (matching.Count != 1)
            throw new XunitException($"Expected one email to {address} about \"{text}\" in {fixture.App.MailDirectory}, found {matching.Count}. "
                + $"Messages to {address}: {string.Join(" | ", mine.Select(m => $"{Path.GetFileName(m.File)}: {m.Subject}"))}");
        output.WriteLine($"Email to {address}: \"{matching[0].Subject}\" ({Path.GetFileName(matching[0].File)})");
        return matching[0];
    }

    /// <summary>The absolute link in the message that ends with the path (and fragment).</summary>
    private static string LinkIn(SavedMail mail, string pathAndFragment)
    {
        var links = Regex.Matches(mail.Body, @"https?://\S+").Select(m => m.Value).ToList();
        var link = links.FirstOrDefault(l => l.EndsWith(pathAndFragment, StringComparison.Ordinal));
        if (link is null) throw new XunitException($"The email to {mail.To} has no link to {pathAndFragment}. Body:{Environment.NewLine}{mail.Body}");
        return link;
    }

    private static SavedMail ReadMail(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = (end < 0 ? text : text[..end]).Split("\r\n");
        string Header(string name) =>
            headers.FirstOrDefault(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..] ?? "";
        return new SavedMail(path, Header("To"), Mailer.DecodeHeader(Header("Subject")), end < 0 ? "" : text[(end + 4)..]);
    }

    // --- Text -------------------------------------------------------------------------------------------------

    /// <summary>What the pages say in Portuguese for a resource key (Resources/strings/*.txt), formatted.</summary>
    private string L(string key, params object[] args) => journey.L(key, args);
}
