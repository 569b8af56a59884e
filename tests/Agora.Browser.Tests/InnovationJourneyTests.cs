using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Auth;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// The innovation process in helseplattformen, in the browser and in English: the hub manager starts an initiative
/// from two accepted ideas of two authors; three evaluators open its scorecard blind, two score it and one declares a
/// conflict of interest; the manager, as gatekeeper, takes it through the gates (refused at the second one until the
/// concept description is attached, then with a validation plan and a pilot report) to "Deploy solution"; the team
/// sets an expected benefit and measures it, and the gatekeeper marks the initiative in use. An idea's author finds
/// their idea's notice and the gate decisions among their notifications; the portfolio dashboard and the ISO 56002
/// indicators count the initiative. Every page visited is scanned with axe (no violation allowed) and photographed
/// into screenshots/innovation/.
/// </summary>
/// <remarks>
/// Before the journey, straight in the database: two accepted ideas (by the demo member and the agent of change), and
/// the Evaluator role in helseplattformen for the demo fellow and mentor; the journey's people follow their browser's
/// language. The roles and languages are put back afterwards; the ideas and the initiative stay (unique titles).
/// </remarks>
[Collection(BrowserCollection.Name)]
public sealed class InnovationJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Shots = "innovation";
    private const string English = "en";
    private const string Hub = DemoAccounts.HelseplattformenHub;

    // The people (DemoContent.People): the manager decides the gates; three evaluators; the ideas' two authors.
    private const string Manager = DemoAccounts.Manager;
    private const string ManagerName = "Marta Manager";
    private const string AuthorA = DemoAccounts.Member;
    private const string AuthorB = DemoAccounts.Agent;
    private static readonly string[] Evaluators = [DemoAccounts.Evaluator, DemoAccounts.Fellow, DemoAccounts.Mentor];
    /// <summary>The two who get the Evaluator role for the journey only.</summary>
    private static readonly string[] MadeEvaluators = [DemoAccounts.Fellow, DemoAccounts.Mentor];

    /// <summary>Stage by stage (positions 2, 3, 4), the document its gate needs in the default process.</summary>
    private static readonly (int Stage, ArtefactKind Kind, string File)[] GateDocuments =
    [
        (2, ArtefactKind.ConceptDescription, "concept-description.pdf"),
        (3, ArtefactKind.ValidationPlan, "validation-plan.pdf"),
        (4, ArtefactKind.PilotReport, "pilot-report.pdf"),
    ];

    private readonly string run = Guid.NewGuid().ToString("N")[..6];
    private string IdeaTitleA => $"Shared discharge checklist for home care ({run})";
    private string IdeaTitleB => $"Video follow-up the week after discharge ({run})";
    private string Title => $"Safer discharge to home care ({run})";
    private const string Summary = "A shared checklist and a video follow-up for patients discharged to home care.";
    private const string Description = "Patients discharged to home care are often readmitted because information is lost on the way. "
        + "The initiative joins two ideas: a checklist shared by the ward and the home care service, and a video call in the first week.";
    private const string EvaluatorComment = "Strong need and a realistic plan; the video part depends on the municipality's equipment.";
    private const string FellowComment = "Good fit with the effect goals; the checklist could start at once.";
    private const string ConflictNote = "I co-wrote the checklist idea with the ward, so I leave this evaluation to others.";
    private const string Indicator = "Readmissions within 30 days of discharge to home care";
    private const string Unit = "%";

    private readonly JourneySupport journey = new(fixture, output, Shots, English);

    /// <summary>The hub's process, stage by stage (position → English name), read before the journey.</summary>
    private Dictionary<int, string> stages = [];

    [Fact]
    public async Task A_manager_takes_an_initiative_from_two_ideas_through_evaluation_and_every_gate_to_use_and_its_authors_and_the_portfolio_see_it()
    {
        var before = await SetUpAsync();
        try
        {
            await journey.RunAsync(() => RunJourneyAsync(before));
        }
        finally
        {
            await CleanUpAsync(before);
        }
    }

    private async Task RunJourneyAsync(Before before)
    {
        var board = $"/hubs/{Hub}/initiatives";

        // --- 1. The hub manager starts an initiative from the two accepted ideas ---------------------------------
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await journey.SignInAsAsync(managerContext, Manager, "manager", DemoLogins.TwoFactorKey);
        await GotoOkAsync(manager, board, "The initiatives board");
        await Expect(manager.Locator("h1")).ToHaveTextAsync(L("Initiatives.BoardTitle", before.HubName));
        await journey.Visit(manager, "manager-board");

        await ClickOkAsync(manager, manager.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Initiatives.Start"), Exact = true }), "Starting an initiative");
        Assert.Equal($"{board}/new", PathOf(manager));
        var ideaA = manager.Locator($"input[name='Input.IdeaIds'][value='{before.IdeaA}']");
        var ideaB = manager.Locator($"input[name='Input.IdeaIds'][value='{before.IdeaB}']");
        await Expect(ideaA).ToHaveCountAsync(1);
        await Expect(ideaB).ToHaveCountAsync(1);
        await Expect(manager.Locator("main").GetByText(IdeaTitleA)).ToBeVisibleAsync();
        await Expect(manager.Locator("main").GetByText(IdeaTitleB)).ToBeVisibleAsync();
        await journey.Visit(manager, "manager-new-initiative");
        await manager.Locator("input[name='Input.Title']").FillAsync(Title);
        await manager.Locator("textarea[name='Input.Summary']").FillAsync(Summary);
        await manager.Locator("textarea[name='Input.Description']").FillAsync(Description);
        // Hub-internal, the default: the hub's people who work on it see it, and the ideas' authors (credited).
        await Expect(manager.Locator($"input[name='Input.Visibility'][value='{InitiativeVisibility.HubInternal}']")).ToBeCheckedAsync();
        await ideaA.CheckAsync();
        await ideaB.CheckAsync();
        await journey.Visit(manager, "manager-new-initiative-filled");
        await ClickOkAsync(manager, manager.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Initiatives.Start"), Exact = true }), "Creating the initiative");

        var match = Regex.Match(PathOf(manager), $"^{board}/(\\d+)$");
        if (!match.Success) throw new XunitException($"Creating the initiative did not lead to its page but to {manager.Url}. Page text: {await MainTextAsync(manager)}");
        var id = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var initiativePath = $"{board}/{id}";
        output.WriteLine($"Started initiative {id}: {initiativePath}");
        await Expect(manager.GetByText(L("Initiatives.Started"))).ToBeVisibleAsync();
        await Expect(manager.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(StatusTag(manager)).ToHaveTextAsync(L("InitiativeStatus.Active"));
        await ExpectStageAsync(manager, 1);
        var ideasList = manager.Locator("main ul").Filter(new() { Has = manager.GetByRole(AriaRole.Link, new() { Name = IdeaTitleA, Exact = true }) });
        await Expect(ideasList.GetByRole(AriaRole.Link, new() { Name = IdeaTitleB, Exact = true })).ToHaveCountAsync(1);
        await journey.Visit(manager, "manager-initiative-started");

        // --- 2. Three evaluators: blind until their own is in; two score, one declares a conflict of interest -------
        var evaluation = $"{initiativePath}/evaluation";
        var evaluatorContexts = new List<IBrowserContext>();
        try
        {
            string[] comments = [EvaluatorComment, FellowComment];
            for (var n = 0; n < Evaluators.Length; n++)
            {
                var who = Evaluators[n].Split('@')[0];
                var context = await fixture.NewContextAsync();
                evaluatorContexts.Add(context);
                var evaluator = await journey.SignInAsAsync(context, Evaluators[n], who);
                await GotoOkAsync(evaluator, initiativePath, $"The initiative, for {who}");
                await Expect(evaluator.Locator("h1")).ToHaveTextAsync(Title);
                await journey.Visit(evaluator, $"{who}-initiative");
                await ClickOkAsync(evaluator, evaluator.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Scorecard.Open"), Exact = true }), $"{who} opens the scorecard");
                Assert.Equal(evaluation, PathOf(evaluator));

                // Before submitting: no scores, no one else's comments.
                var result = evaluator.GetByRole(AriaRole.Region, new() { Name = L("Scorecard.Result"), Exact = true });
                await Expect(result).ToContainTextAsync(L("Scorecard.ResultHidden"));
                foreach (var other in comments) await Expect(evaluator.Locator("main")).Not.ToContainTextAsync(other);
                await Expect(evaluator.Locator("main")).ToContainTextAsync(L("Scorecard.Submissions", n));
                var form = evaluator.GetByRole(AriaRole.Region, new() { Name = L("Scorecard.YourScores"), Exact = true });
                await Expect(form).ToBeVisibleAsync();
                await journey.Visit(evaluator, $"{who}-scorecard-blind");

                if (n < comments.Length)
                {
                    var criteria = form.Locator("fieldset").Filter(new() { Has = evaluator.Locator("input[type='radio'][name^='Input.Scores[']") });
                    var count = await criteria.CountAsync();
                    Assert.True(count > 0, $"The scorecard at {evaluation} has no criteria to score.");
                    for (var c = 0; c < count; c++) await criteria.Nth(c).Locator($"input[value='{(n == 0 ? 4 : 3 + c % 2)}']").CheckAsync();
                    await form.Locator("textarea[name='Input.Comment']").FillAsync(comments[n]);
                    await journey.Visit(evaluator, $"{who}-scorecard-filled");
                    await ClickOkAsync(evaluator, form.GetByRole(AriaRole.Button, new() { Name = L("Scorecard.Submit"), Exact = true }), $"{who} submits the scorecard");
                    await Expect(evaluator.GetByText(L("Scorecard.Submitted"))).ToBeVisibleAsync();
                    // Now the result is shown, with the comments so far.
                    await Expect(result).ToContainTextAsync(L("Scorecard.CountedValue", n + 1, 0));
                    foreach (var earlier in comments.Take(n + 1)) await Expect(result).ToContainTextAsync(earlier);
                    await journey.Visit(evaluator, $"{who}-scorecard-submitted");
                }
                else
                {
                    await form.Locator("input[name='Input.Conflict']").CheckAsync();
                    await form.Locator("textarea[name='Input.ConflictNote']").FillAsync(ConflictNote);
                    await journey.Visit(evaluator, $"{who}-scorecard-conflict-filled");
                    await ClickOkAsync(evaluator, form.GetByRole(AriaRole.Button, new() { Name = L("Scorecard.Submit"), Exact = true }), $"{who} declares a conflict of interest");
                    await Expect(evaluator.GetByText(L("Scorecard.ConflictRecorded"))).ToBeVisibleAsync();
                    // A declared conflict does not unblind: the others' scores and comments stay hidden (issue 13, hole 10c).
                    await Expect(result).ToContainTextAsync(L("Scorecard.ResultHidden"));
                    foreach (var other in comments) await Expect(evaluator.Locator("main")).Not.ToContainTextAsync(other);
                    await journey.Visit(evaluator, $"{who}-scorecard-conflict-recorded");
                }
            }
        }
        finally
        {
            foreach (var context in evaluatorContexts) await context.DisposeAsync();
        }

        // The gatekeeper sees the result: two counted, one excluded.
        await GotoOkAsync(manager, evaluation, "The scorecard, for the gatekeeper");
        var managerResult = manager.GetByRole(AriaRole.Region, new() { Name = L("Scorecard.Result"), Exact = true });
        await Expect(managerResult).ToContainTextAsync(L("Scorecard.CountedValue", 2, 1));
        await Expect(managerResult).ToContainTextAsync(EvaluatorComment);
        await Expect(managerResult).ToContainTextAsync(FellowComment);
        await Expect(managerResult).ToContainTextAsync(L("Scorecard.Excluded"));
        await Expect(managerResult).ToContainTextAsync(ConflictNote);
        await Expect(manager.Locator("main")).ToContainTextAsync(L("Scorecard.Submissions", 3));
        await journey.Visit(manager, "manager-scorecard-result");

        // --- 3. The gates: Go at stage 1; at stage 2 only once the concept description is attached; and so on ----
        await ClickOkAsync(manager, manager.GetByRole(AriaRole.Link, new() { Name = L("Scorecard.BackToInitiative"), Exact = true }), "Back to the initiative");
        Assert.Equal(initiativePath, PathOf(manager));
        await DecideGoAsync(manager, 1, "The need is clear from both ideas and the evaluation; go on to a concept.");

        foreach (var (stage, kind, file) in GateDocuments)
        {
            await ExpectRequiredAsync(manager, kind, present: false);
            if (stage == 2)
            {
                // Refused: the stage's document comes first.
                var gate = await GoAsync(manager, stage, "The concept looks ready.");
                await Expect(gate).ToContainTextAsync(L("Initiatives.Gate.MissingArtefacts", L("ArtefactKind." + kind)));
                await ExpectStageAsync(manager, stage);
                await journey.Visit(manager, $"manager-stage-{stage}-go-refused");
            }
            await AddDocumentAsync(manager, kind, file);
            await ExpectRequiredAsync(manager, kind, present: true);
            await DecideGoAsync(manager, stage, $"The {L("ArtefactKind." + kind).ToLowerInvariant()} is attached and convincing; go on.");
        }
        await ExpectStageAsync(manager, stages.Count);
        Assert.Equal(5, stages.Count);

        // --- 4. The team sets an expected benefit and measures it; the gatekeeper marks the initiative in use --------
        var benefits = manager.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.Benefits"), Exact = true });
        await benefits.Locator("input[name='Benefit.Indicator']").FillAsync(Indicator);
        await benefits.Locator("input[name='Benefit.Unit']").FillAsync(Unit);
        await benefits.Locator("input[name='Benefit.Baseline']").FillAsync("18");
        await benefits.Locator("input[name='Benefit.Target']").FillAsync("12");
        var goal = benefits.Locator("select[name='Benefit.EffectGoalId']");
        if (await goal.CountAsync() > 0) await goal.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await journey.Visit(manager, "manager-benefit-filled");
        await ClickOkAsync(manager, benefits.GetByRole(AriaRole.Button, new() { Name = L("Initiatives.AddBenefit"), Exact = true }), "Adding the expected benefit");
        await Expect(manager.GetByText(L("Initiatives.BenefitAdded"))).ToBeVisibleAsync();
        var benefit = benefits.Locator("article").Filter(new() { Has = manager.GetByRole(AriaRole.Heading, new() { Name = Indicator, Exact = true }) });
        await Expect(benefit).ToHaveCountAsync(1);
        await Expect(benefit).ToContainTextAsync(L("Initiatives.NoMeasurements"));
        await journey.Visit(manager, "manager-benefit-added");

        // Measured yesterday (UTC), so never "in the future" whatever the time zones.
        var measuredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await benefit.Locator("input[name='Measure.MeasuredOn']").FillAsync(measuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await benefit.Locator("input[name='Measure.Value']").FillAsync("11");
        await benefit.Locator("input[name='Measure.Note']").FillAsync("First month after the pilot wards started.");
        await ClickOkAsync(manager, benefit.GetByRole(AriaRole.Button, new() { Name = L("Initiatives.AddMeasurement"), Exact = true }), "Recording a measurement");
        await Expect(manager.GetByText(L("Initiatives.MeasurementAdded"))).ToBeVisibleAsync();
        await Expect(benefit.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(benefit.Locator("table tbody tr")).ToContainTextAsync("11");
        await journey.Visit(manager, "manager-benefit-measured");

        var used = manager.Locator("textarea[name='UsedRationale']");
        await used.FillAsync("Deployed on all pilot wards; readmissions already fell from 18 % to 11 %.");
        await ClickOkAsync(manager, FormOf(used).GetByRole(AriaRole.Button, new() { Name = L("Initiatives.MarkUsed"), Exact = true }), "Marking the initiative in use");
        await Expect(manager.GetByText(L("Initiatives.MarkedUsed"))).ToBeVisibleAsync();
        await Expect(StatusTag(manager)).ToHaveTextAsync(L("InitiativeStatus.Used"));
        // Ended: no more gates, no more "mark used".
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.Gate.Title", stages[stages.Count]), Exact = true })).ToHaveCountAsync(0);
        await Expect(manager.Locator("textarea[name='UsedRationale']")).ToHaveCountAsync(0);
        await journey.Visit(manager, "manager-initiative-in-use");

        // --- 5. An author of an idea finds it going on as the initiative, and the gate decisions in their notifications
        await using var authorContext = await fixture.NewContextAsync();
        var author = await journey.SignInAsAsync(authorContext, AuthorA, "author");
        await GotoOkAsync(author, $"/hubs/{Hub}/ideas/{before.IdeaA}", "The author's idea");
        await Expect(author.Locator("h1")).ToHaveTextAsync(IdeaTitleA);
        var notice = author.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.IdeaGoesOnTitle"), Exact = true });
        await Expect(notice).ToContainTextAsync(L("Initiatives.IdeaGoesOn"));
        await Expect(notice.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToHaveAttributeAsync("href", initiativePath);
        await Expect(notice).ToContainTextAsync(L("Initiatives.AtStage", stages[stages.Count]));
        await Expect(notice).ToContainTextAsync(L("InitiativeStatus.Used"));
        await journey.Visit(author, "author-idea-now-an-initiative");

        await GotoOkAsync(author, "/notifications", "The author's notifications");
        // Four gates passed and the "in use" decision: five, each linking to the initiative's first idea.
        var decided = L("Notification.InitiativeGateDecided", ManagerName, IdeaTitleA, Title);
        var decisions = author.Locator("main").GetByRole(AriaRole.Link, new() { Name = decided, Exact = true });
        var told = await decisions.CountAsync();
        if (told != stages.Count)
            throw new XunitException($"The author's notifications list \"{decided}\" {told} time(s), not {stages.Count} (four gates and in use). Page text: {await MainTextAsync(author)}");
        await Expect(decisions.First).ToHaveAttributeAsync("href", $"/hubs/{Hub}/ideas/{Math.Min(before.IdeaA, before.IdeaB)}");
        await journey.Visit(author, "author-notifications-gate-decisions");

        // The author cannot decide gates nor see the team's documents: the initiative page shows neither form.
        await ClickOkAsync(author, author.Locator("main").GetByRole(AriaRole.Link, new() { Name = decided, Exact = true }).First, "Following a gate notification");
        await ClickOkAsync(author, author.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.IdeaGoesOnTitle"), Exact = true }).GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }), "Opening the initiative from the idea");
        Assert.Equal(initiativePath, PathOf(author));
        await Expect(StatusTag(author)).ToHaveTextAsync(L("InitiativeStatus.Used"));
        await Expect(author.Locator("form textarea[name='Gate.Rationale']")).ToHaveCountAsync(0);
        await Expect(author.Locator("input[name='DocumentFile']")).ToHaveCountAsync(0);
        await journey.Visit(author, "author-initiative");

        // --- 6. The portfolio dashboard and the ISO 56002 indicators count it ------------------------------------
        await GotoOkAsync(manager, board, "The board after the journey");
        var lastColumn = manager.Locator("main section.board-column").Filter(new() { Has = manager.GetByRole(AriaRole.Heading, new() { Name = $"{stages.Count}. {stages[stages.Count]}" }) });
        await Expect(lastColumn.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToHaveCountAsync(1);
        await journey.Visit(manager, "manager-board-after");
        await ClickOkAsync(manager, manager.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Portfolio.Link"), Exact = true }), "Opening the portfolio dashboard");
        Assert.Equal($"{board}/portfolio", PathOf(manager));
        var main = manager.Locator("main");
        var inLastStage = await CellNumberAsync(manager, TableByCaption(manager, L("Portfolio.ByStage")), $"{stages.Count}. {stages[stages.Count]}");
        Assert.True(inLastStage >= 1, $"The portfolio counts {inLastStage} initiatives in stage {stages.Count}.");
        var inUse = await CellNumberAsync(manager, TableByCaption(manager, L("Portfolio.Funnel")), L("Portfolio.Funnel.Used"));
        Assert.True(inUse >= 1, $"The portfolio's funnel counts {inUse} initiatives in use.");
        var reachedLast = await CellNumberAsync(manager, TableByCaption(manager, L("Portfolio.Funnel")), L("Portfolio.Funnel.ReachedStage", $"{stages.Count}. {stages[stages.Count]}"));
        Assert.True(reachedLast >= 1, $"The portfolio's funnel counts {reachedLast} initiatives reaching stage {stages.Count}.");
        // The Verganti chart (an SVG image with its text alternative); the new initiative is not classified yet.
        var verganti = manager.GetByRole(AriaRole.Region, new() { Name = L("Portfolio.Verganti"), Exact = true });
        await Expect(verganti.Locator("svg[role='img']")).ToHaveCountAsync(1);
        await Expect(verganti.Locator("#unclassified").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToHaveCountAsync(1);
        await Expect(main.Locator("svg[role='img']").First).ToBeVisibleAsync();
        await journey.Visit(manager, "manager-portfolio");

        await ClickOkAsync(manager, main.GetByRole(AriaRole.Link, new() { Name = L("Indicators.Link"), Exact = true }), "Opening the indicators");
        Assert.Equal($"{board}/indicators", PathOf(manager));
        var usedRow = manager.Locator("#indicators-output tr[data-indicator='Used']");
        await Expect(usedRow.Locator("th")).ToHaveTextAsync(L("Indicators.Used"));
        var usedCount = int.Parse((await usedRow.Locator("td").First.InnerTextAsync()).Trim(), NumberStyles.Integer, CultureInfo.GetCultureInfo(English));
        Assert.True(usedCount >= 1, $"The indicators count {usedCount} initiatives in use.");
        var deployedCount = int.Parse((await manager.Locator("#indicators-output tr[data-indicator='Deployed'] td").First.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        Assert.True(deployedCount >= 1, $"The indicators count {deployedCount} initiatives deployed.");
        await Expect(manager.Locator("#indicators-throughput tr[data-indicator='ExperimentsRun'] td").First).Not.ToHaveTextAsync("0");
        await journey.Visit(manager, "manager-indicators");
    }

    // --- Steps ------------------------------------------------------------------------------------------------

    /// <summary>The initiative's status, the first tag under its title.</summary>
    private static ILocator StatusTag(IPage page) => page.Locator("main h1 + p .tag").First;

    /// <summary>The process list marks the stage as the current step.</summary>
    private async Task ExpectStageAsync(IPage page, int position)
    {
        var current = page.Locator("main ol.steps li[aria-current='step']");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToHaveTextAsync($"{position}. {stages[position]}");
    }

    /// <summary>The stage's required documents list the kind as attached or missing.</summary>
    private async Task ExpectRequiredAsync(IPage page, ArtefactKind kind, bool present) =>
        await Expect(page.Locator("main li").Filter(new() { HasTextString = L("ArtefactKind." + kind) + ": " }))
            .ToHaveTextAsync($"{L("ArtefactKind." + kind)}: {L(present ? "Initiatives.Attached" : "Initiatives.Missing")}");

    /// <summary>Fills in "Go" with the rationale at the stage's gate and submits it; answers the gate's region of the new page.</summary>
    private async Task<ILocator> GoAsync(IPage page, int stage, string rationale)
    {
        var gate = page.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.Gate.Title", stages[stage]), Exact = true });
        await Expect(gate).ToBeVisibleAsync();
        await gate.Locator($"input[name='Gate.Outcome'][value='{GateOutcome.Go}']").CheckAsync();
        await gate.Locator("textarea[name='Gate.Rationale']").FillAsync(rationale);
        await ClickOkAsync(page, gate.GetByRole(AriaRole.Button, new() { Name = L("Initiatives.Gate.Decide"), Exact = true }), $"Go at the gate of stage {stage}");
        return gate;
    }

    /// <summary>A "Go" that passes: the initiative is in the next stage and the decision is in its history.</summary>
    private async Task DecideGoAsync(IPage page, int stage, string rationale)
    {
        await ExpectStageAsync(page, stage);
        await journey.Visit(page, $"manager-stage-{stage}-gate");
        await GoAsync(page, stage, rationale);
        await Expect(page.GetByText(L("Initiatives.Gate.Decided", L("GateOutcome.Go")))).ToBeVisibleAsync();
        await ExpectStageAsync(page, stage + 1);
        await Expect(page.Locator("main")).ToContainTextAsync(rationale);
        await journey.Visit(page, $"manager-stage-{stage}-go");
    }

    /// <summary>The team attaches a small PDF as the stage's document.</summary>
    private async Task AddDocumentAsync(IPage page, ArtefactKind kind, string file)
    {
        var documents = page.GetByRole(AriaRole.Region, new() { Name = L("Initiatives.Documents"), Exact = true });
        await documents.Locator("select[name='DocumentKind']").SelectOptionAsync(kind.ToString());
        await documents.Locator("input[name='DocumentFile']").SetInputFilesAsync(new FilePayload
        {
            Name = file, MimeType = "application/pdf", Buffer = Pdf($"{L("ArtefactKind." + kind)}: {Title}"),
        });
        await ClickOkAsync(page, documents.GetByRole(AriaRole.Button, new() { Name = L("Initiatives.AddDocument"), Exact = true }), $"Attaching the {kind}");
        await Expect(page.GetByText(L("Initiatives.DocumentAdded"))).ToBeVisibleAsync();
        var item = documents.Locator("li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = file, Exact = true }) });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync(L("ArtefactKind." + kind));
        await journey.Visit(page, $"manager-{file.Replace(".pdf", "", StringComparison.Ordinal)}-attached");
    }

    /// <summary>A tiny document the app recognises as a PDF by its content.</summary>
    private static byte[] Pdf(string text) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Regex.Replace(text, "[^ -~]", "?")}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static ILocator TableByCaption(IPage page, string caption) =>
        page.Locator("main table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = caption }) }).First;

    /// <summary>The number in the row whose header is the label.</summary>
    private static async Task<int> CellNumberAsync(IPage page, ILocator table, string rowHeader)
    {
        var row = table.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(rowHeader)}\\s*$") }) });
        if (await row.CountAsync() != 1)
            throw new XunitException($"No single row \"{rowHeader}\" in the table at {page.Url}: {await table.InnerTextAsync()}");
        return int.Parse((await row.Locator("td").First.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
    }

    private string L(string key, params object[] args) => journey.L(key, args);

    // --- Before and after -------------------------------------------------------------------------------------

    private sealed record Before(string HubName, int IdeaA, int IdeaB, Guid HubId, Dictionary<Guid, string?> Languages, List<Guid> MadeEvaluators);

    /// <summary>
    /// Two accepted ideas by two authors; the Evaluator role for the fellow and the mentor; the journey's people follow
    /// their browser's language (another journey may have saved Portuguese for one of them). Also reads the process.
    /// </summary>
    private async Task<Before> SetUpAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var hub = await db.Hubs.SingleAsync(h => h.Slug == Hub);
        stages = (await scope.ServiceProvider.GetRequiredService<InnovationProcess>().StagesAsync(hub.Id, CancellationToken.None))
            .ToDictionary(s => s.Position, s => s.NameEn);
        var campaign = await db.Campaigns.Where(c => c.HubId == hub.Id).OrderBy(c => c.Slug).FirstAsync();
        string[] emails = [Manager, AuthorA, AuthorB, .. Evaluators];
        var people = await db.Users.Where(u => emails.Contains(u.Email!)).ToListAsync();
        Guid Person(string email) => people.Single(u => u.Email == email).Id;

        var languages = people.ToDictionary(u => u.Id, u => u.PreferredLanguage);
        foreach (var u in people) u.PreferredLanguage = null;

        var made = new List<Guid>();
        foreach (var email in MadeEvaluators)
        {
            var userId = Person(email);
            var membership = await db.HubMemberships.SingleAsync(m => m.HubId == hub.Id && m.UserId == userId);
            if (membership.Roles.HasFlag(HubRoles.Evaluator)) continue;
            membership.Roles |= HubRoles.Evaluator;
            made.Add(membership.UserId);
        }

        var now = DateTimeOffset.UtcNow;
        Idea Accepted(string author, string title, string problem, string solution, IdeaOrigin origin, CareLevel level, CareSetting setting) => new()
        {
            HubId = hub.Id, CampaignId = campaign.Id, AuthorId = Person(author), Language = "en", Title = title, Problem = problem, Solution = solution,
            Benefits = "Fewer readmissions and calmer patients and relatives.", Beneficiaries = Beneficiaries.Patients | Beneficiaries.Relatives,
            Origin = origin, CareLevel = level, Setting = setting, State = IdeaState.Accepted, Answer = "Accepted: it goes on to the innovation process.",
            CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now, FollowerCount = 1,
        };
        var a = Accepted(AuthorA, IdeaTitleA, "Information about medicines and follow-up is lost when patients go home to the home care service.",
            "A checklist shared by the ward and the home care service, filled in together before discharge.", IdeaOrigin.SpecialistCareEmployee, CareLevel.Both, CareSetting.Both);
        var b = Accepted(AuthorB, IdeaTitleB, "Problems in the first week at home are found too late.",
            "A short video call with the ward's nurse in the first week after discharge.", IdeaOrigin.PrimaryCareEmployee, CareLevel.Primary, CareSetting.Rural);
        db.Ideas.AddRange(a, b);
        await db.SaveChangesAsync();
        // Their history as the idea page tells it: published, reviewed and accepted by the hub manager.
        foreach (var idea in new[] { a, b })
        {
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = idea.AuthorId, FollowedAt = now });
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Draft, ToState = IdeaState.Published, ActorId = idea.AuthorId, OccurredAt = now });
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Published, ToState = IdeaState.UnderReview, ActorId = Person(Manager), OccurredAt = now });
            db.IdeaEvents.Add(new IdeaEvent
            {
                IdeaId = idea.Id, FromState = IdeaState.UnderReview, ToState = IdeaState.Accepted, Answer = idea.Answer, ActorId = Person(Manager), OccurredAt = now,
            });
        }
        await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount + 2));
        await db.SaveChangesAsync();
        output.WriteLine($"Before: accepted ideas {a.Id} and {b.Id} in {campaign.Slug}; Evaluator role given to {made.Count} people; process: "
            + string.Join(", ", stages.OrderBy(s => s.Key).Select(s => $"{s.Key}. {s.Value}")));
        return new Before(hub.Name, a.Id, b.Id, hub.Id, languages, made);
    }

    /// <summary>Puts back the roles and the languages (the new ideas and the initiative stay, with their unique titles).</summary>
    private async Task CleanUpAsync(Before before)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        foreach (var membership in await db.HubMemberships.Where(m => m.HubId == before.HubId && before.MadeEvaluators.Contains(m.UserId)).ToListAsync())
            membership.Roles &= ~HubRoles.Evaluator;
        foreach (var user in await db.Users.Where(u => before.Languages.Keys.Contains(u.Id)).ToListAsync())
            user.PreferredLanguage = before.Languages[user.Id];
        await db.SaveChangesAsync();
    }
}
