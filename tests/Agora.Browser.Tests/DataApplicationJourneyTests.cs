using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Agora.Web.Features.Requests;
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
/// An application for access to health data in helseplattformen, in the browser and in Norwegian Bokmål: a researcher
/// fills in the EHDS form with every required answer and document and submits it with the ethics approval "applied
/// for"; the hub manager returns it for the missing approval; the researcher completes it and submits again; the
/// manager starts the review, assigns a legal and a privacy reviewer, writes an internal note and is refused approval
/// until both have signed off; both review and sign off; the manager approves with conditions and issues the data
/// permit; the researcher reads the decision, the conditions and the permit and downloads the decision letter (in
/// Norwegian), and never meets the internal note. Every page visited is scanned with axe (no violation allowed) and
/// photographed into screenshots/data-application/.
/// </summary>
/// <remarks>
/// Everyone's browser asks for Norwegian; the people's saved profile languages are cleared for the journey (so the
/// browser's language applies) and put back afterwards. The request stays (unique title).
/// </remarks>
[Collection(BrowserCollection.Name)]
public sealed class DataApplicationJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Shots = "data-application";
    private const string Norwegian = "nb-NO";
    private const string Hub = DemoAccounts.HelseplattformenHub;
    private const string TypeKey = "health-data-access";

    // The people (DemoContent.People).
    private const string Researcher = DemoAccounts.Member;
    private const string ResearcherName = "Mikkel Member";
    private const string Manager = DemoAccounts.Manager;
    private const string LegalReviewer = DemoAccounts.Reviewer;
    private const string LegalReviewerName = "Rune Reviewer";
    private const string PrivacyReviewer = DemoAccounts.Evaluator;
    private const string PrivacyReviewerName = "Eva Evaluator";
    private static readonly string[] People = [Researcher, Manager, LegalReviewer, PrivacyReviewer];

    private readonly string run = Guid.NewGuid().ToString("N")[..6];
    private string Title => $"Reinnleggelser etter hofteoperasjon hos eldre ({run})";
    private readonly string internalNote = "INTERN-" + Guid.NewGuid().ToString("N");

    private const string Missing = "Mangler godkjenning fra REK";
    private const string EthicsReference = "REK 2026/12345";
    private const string Conditions = "Resultater publiseres bare aggregert, med minst fem personer per celle.";
    private const string GrantedData = "Aldersgruppe, kjønn, diagnoser (ICD-10) og reinnleggelse innen 30 dager, 2015–2024.";
    private const string Environment = "Tilgangsorganets sikre behandlingsmiljø.";
    private const string AuthorisedPeople = "Mikkel Member (Nordlys Helseteknologi AS)";

    /// <summary>The researcher's answers, field by field; other required fields get a generic Norwegian answer.</summary>
    private Dictionary<string, string> Answers => new()
    {
        ["projectTitle"] = Title,
        ["applicantName"] = ResearcherName,
        ["organisation"] = "Nordlys Helseteknologi AS",
        ["applicantRole"] = "Forskningsleder",
        ["applicantEmail"] = Researcher,
        ["publicSummary"] = "Prosjektet undersøker hvorfor eldre pasienter legges inn igjen etter hofteoperasjon, for å forebygge reinnleggelser.",
        ["purposeExplanation"] = "Opplysningene trengs for å finne risikofaktorer for reinnleggelse; resultatene brukes til å bedre oppfølgingen etter utskrivning.",
        ["variables"] = "Alder, kjønn, diagnoser og prosedyrer (Norsk pasientregister); reinnleggelser innen 30 dager (Norsk pasientregister).",
        ["population"] = "Alle pasienter over 65 år som er hofteoperert ved sykehusene i Midt-Norge.",
        ["inclusionCriteria"] = "Hofteoperasjon i perioden, alder 65 år eller eldre.",
        ["dataSources"] = "Norsk pasientregister (Helsedirektoratet) og Nasjonalt register for leddproteser (Helse Bergen).",
        ["dataMinimisation"] = "Bare variablene som trengs for risikomodellen, i aldersgrupper, og bare perioden med sammenlignbar registrering.",
        ["legalBasisExplanation"] = "Oppgave i allmennhetens interesse og vitenskapelig forskning, med helseforskningsloven som supplerende rettsgrunnlag.",
        ["ethicsCommittee"] = "REK midt",
        ["ethicsReference"] = EthicsReference,
        ["expectedBenefits"] = "Færre reinnleggelser for eldre pasienter; resultatene publiseres åpent og deles med sykehusene.",
        ["dataUsers.userName"] = ResearcherName,
        ["dataUsers.userOrganisation"] = "Nordlys Helseteknologi AS",
        ["dataUsers.userRole"] = "Prosjektleder",
        ["dataUsers.userEmail"] = Researcher,
    };

    /// <summary>The periods (yyyy-MM-dd, as date inputs take them); other dates: 2027-01-01, or 2028-12-31 for an end.</summary>
    private static readonly Dictionary<string, string> Dates = new()
    {
        ["projectStart"] = "2027-01-01",
        ["projectEnd"] = "2028-12-31",
        ["dataPeriodFrom"] = "2015-01-01",
        ["dataPeriodTo"] = "2024-12-31",
    };

    /// <summary>The researcher's choices; other choices take their default or first option. Ethics approval: applied for.</summary>
    private static readonly Dictionary<string, string> Choices = new()
    {
        ["purposes"] = "scientificResearch",
        ["linkage"] = "no",
        ["gdprArticle6"] = "publicTask",
        ["gdprArticle9"] = "researchOrStatistics",
        ["dataForm"] = "anonymised",
        ["dpia"] = "done",
        ["ethicsApproval"] = "appliedFor",
        ["processingEnvironment"] = "hdabEnvironment",
        ["transferOutsideEea"] = "no",
    };

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private readonly JourneySupport journey = new(fixture, output, Shots, Norwegian);

    [Fact]
    public async Task A_researcher_applies_for_health_data_completes_it_when_returned_and_gets_a_permit_after_legal_and_privacy_sign_off_never_seeing_the_internal_note()
    {
        var languages = await SetUpAsync();
        try
        {
            await journey.RunAsync(RunJourneyAsync);
        }
        finally
        {
            await CleanUpAsync(languages);
        }
    }

    private async Task RunJourneyAsync()
    {
        var form = BuiltInForms.For(RequestKind.HealthDataAccess);
        var requests = $"/hubs/{Hub}/requests";

        // --- 1. The researcher starts an application, fills in the form, saves the draft and submits -----------------
        await using var researcherContext = await fixture.NewContextAsync(Norwegian);
        var researcher = await journey.SignInAsAsync(researcherContext, Researcher, "researcher");
        await GotoOkAsync(researcher, $"/hubs/{Hub}", "helseplattformen's page");
        await journey.Visit(researcher, "researcher-hub");
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Requests.Link"), Exact = true }), "Opening the hub's requests");
        Assert.Equal(requests, PathOf(researcher));
        await Expect(researcher.Locator("html")).ToHaveAttributeAsync("lang", Norwegian);
        await journey.Visit(researcher, "researcher-requests");

        var kindName = BuiltInForms.Name(RequestKind.HealthDataAccess).In(Norwegian);
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Link, new() { Name = $"{L("Requests.Start")} ({kindName})", Exact = true }),
            "Starting a health-data application");
        Assert.Equal($"{requests}/new", PathOf(researcher));
        await Expect(researcher.Locator($"input[name='type'][value='{TypeKey}']")).ToBeCheckedAsync();
        await journey.Visit(researcher, "researcher-new-request");
        var title = researcher.Locator("input[name='Title']");
        await title.FillAsync(Title);
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Requests.StartDraft"), Exact = true }), "Starting the draft");

        var match = Regex.Match(PathOf(researcher), $"^{requests}/(\\d+)/edit$");
        if (!match.Success) throw new XunitException($"Starting the draft did not lead to its form but to {researcher.Url}. Page text: {await MainTextAsync(researcher)}");
        var id = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var requestPath = $"{requests}/{id}";
        output.WriteLine($"Started request {id}: {requestPath}");
        await Expect(researcher.GetByText(L("Requests.DraftStarted"))).ToBeVisibleAsync();
        await Expect(researcher.Locator("input[name='Title']")).ToHaveValueAsync(Title);
        await journey.Visit(researcher, "researcher-form-empty");

        var uploaded = await FillAsync(researcher, form, Choices, _ => true);
        Assert.Contains("dpiaDocument", uploaded);
        Assert.DoesNotContain("ethicsApprovalDocument", uploaded);
        await journey.Visit(researcher, "researcher-form-filled");
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Requests.SaveDraft"), Exact = true }), "Saving the draft");
        Assert.Equal($"{requestPath}/edit", PathOf(researcher));
        await Expect(researcher.GetByText(L("Requests.DraftSaved"))).ToBeVisibleAsync();
        // The answers and the documents are kept.
        await Expect(researcher.Locator("input[name='a.applicantName']")).ToHaveValueAsync(ResearcherName);
        await Expect(researcher.Locator("input[name='a.ethicsApproval'][value='appliedFor']")).ToBeCheckedAsync();
        await Expect(researcher.Locator("input[name='a.dataUsers.0.userRole']")).ToHaveValueAsync(Answers["dataUsers.userRole"]);
        foreach (var key in uploaded)
            await Expect(FieldOf(researcher, $"f.{key}").Locator("li")).ToContainTextAsync($"{key}.pdf");
        await journey.Visit(researcher, "researcher-draft-saved");

        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Requests.Submit"), Exact = true }), "Submitting");
        Assert.Equal(requestPath, PathOf(researcher));
        await Expect(researcher.GetByText(L("Requests.Submitted"))).ToBeVisibleAsync();
        await Expect(researcher.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(StateTag(researcher)).ToHaveTextAsync(L("RequestState.Submitted"));
        await journey.Visit(researcher, "researcher-submitted");

        // --- 2. The hub manager returns it: the ethics approval is missing --------------------------------------------
        await using var managerContext = await fixture.NewContextAsync(Norwegian);
        var manager = await journey.SignInAsAsync(managerContext, Manager, "manager", DemoLogins.TwoFactorKey);
        await OpenFromHubListAsync(manager, L("Requests.ToTheHub"), requestPath, "manager");
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.Submitted"));
        await Expect(manager.Locator("main dl.props").First).ToContainTextAsync(ResearcherName);
        await journey.Visit(manager, "manager-request-submitted");
        var returning = manager.GetByRole(AriaRole.Region, new() { Name = L("Requests.ReturnTitle"), Exact = true });
        await returning.GetByLabel(L("Requests.MissingLabel"), new() { Exact = true }).FillAsync(Missing);
        await ClickOkAsync(manager, returning.GetByRole(AriaRole.Button, new() { Name = L("Requests.ReturnButton"), Exact = true }), "Returning for completion");
        await Expect(manager.GetByText(L("Requests.Returned"))).ToBeVisibleAsync();
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.Returned"));
        await journey.Visit(manager, "manager-returned");

        // --- 3. The researcher sees what is missing, completes it and submits again ----------------------------------
        await OpenFromHubListAsync(researcher, L("Requests.Mine"), requestPath, "researcher");
        await Expect(StateTag(researcher)).ToHaveTextAsync(L("RequestState.Returned"));
        var missing = researcher.GetByRole(AriaRole.Region, new() { Name = L("Requests.MissingTitle"), Exact = true });
        await Expect(missing).ToContainTextAsync(Missing);
        await journey.Visit(researcher, "researcher-returned");
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Link, new() { Name = L("Requests.Complete"), Exact = true }), "Completing the request");
        Assert.Equal($"{requestPath}/edit", PathOf(researcher));
        await Expect(researcher.GetByRole(AriaRole.Region, new() { Name = L("Requests.MissingTitle"), Exact = true })).ToContainTextAsync(Missing);
        await journey.Visit(researcher, "researcher-form-to-complete");
        var approved = new Dictionary<string, string>(Choices) { ["ethicsApproval"] = "approved" };
        await researcher.Locator("input[name='a.ethicsApproval'][value='approved']").CheckAsync();
        // What "approved" asks for more: the reference number and the approval letter.
        var added = await FillAsync(researcher, form, approved, f => f.RequiredIf?.Field == "ethicsApproval");
        Assert.Equal(["ethicsApprovalDocument"], added);
        await Expect(researcher.Locator("input[name='a.ethicsReference']")).ToHaveValueAsync(EthicsReference);
        await journey.Visit(researcher, "researcher-form-completed");
        await ClickOkAsync(researcher, researcher.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Requests.Resubmit"), Exact = true }), "Submitting again");
        Assert.Equal(requestPath, PathOf(researcher));
        await Expect(researcher.GetByText(L("Requests.Submitted"))).ToBeVisibleAsync();
        await Expect(StateTag(researcher)).ToHaveTextAsync(L("RequestState.Submitted"));
        await Expect(researcher.Locator("main")).ToContainTextAsync(EthicsReference);
        await Expect(researcher.Locator("main").GetByRole(AriaRole.Link, new() { Name = "ethicsApprovalDocument.pdf", Exact = true })).ToHaveCountAsync(1);
        await journey.Visit(researcher, "researcher-resubmitted");

        // --- 4. The manager starts the review, assigns the reviewers, notes something and is refused approval ---------
        await GotoOkAsync(manager, requestPath, "The request again, for the manager");
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.Submitted"));
        await journey.Visit(manager, "manager-resubmitted");
        await ClickOkAsync(manager, manager.Locator("main").GetByRole(AriaRole.Button, new() { Name = L("Requests.Accept"), Exact = true }), "Starting the review");
        await Expect(manager.GetByText(L("Requests.Accepted"))).ToBeVisibleAsync();
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.InReview"));
        await journey.Visit(manager, "manager-review-started");

        await AssignAsync(manager, LegalReviewer, ReviewRole.Legal, LegalReviewerName);
        await AssignAsync(manager, PrivacyReviewer, ReviewRole.Privacy, PrivacyReviewerName);

        var notes = manager.GetByRole(AriaRole.Region, new() { Name = L("Requests.InternalNotes"), Exact = true });
        await notes.GetByLabel(L("Requests.NoteLabel"), new() { Exact = true }).FillAsync($"{internalNote}: DPIA-en bør leses nøye av personvernrådgiveren.");
        await ClickOkAsync(manager, notes.GetByRole(AriaRole.Button, new() { Name = L("Requests.NoteButton"), Exact = true }), "Writing an internal note");
        await Expect(manager.GetByText(L("Requests.NoteWritten"))).ToBeVisibleAsync();
        await Expect(notes).ToContainTextAsync(internalNote);
        await journey.Visit(manager, "manager-internal-note");

        // Approval with conditions before the sign-offs: refused, naming the reviews still to sign off.
        await FillDecisionAsync(manager);
        await journey.Visit(manager, "manager-decision-filled-early");
        await ClickOkAsync(manager, Decide(manager).GetByRole(AriaRole.Button, new() { Name = L("Requests.DecideButton"), Exact = true }), "Approving too early");
        var refusal = L("Requests.SignOffsMissing", "\u0001").Split('\u0001')[0];
        await Expect(manager.Locator("main").GetByText(refusal).First).ToBeVisibleAsync();
        await Expect(Decide(manager)).ToContainTextAsync(refusal + L("ReviewRole.Legal") + ", " + L("ReviewRole.Privacy"));
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.InReview"));
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = L("Requests.DecisionTitle"), Exact = true })).ToHaveCountAsync(0);
        await journey.Visit(manager, "manager-approval-refused");

        // --- 5. The legal and the privacy reviewer review and sign off -----------------------------------------------
        await ReviewAsync(LegalReviewer, "legal", ReviewRole.Legal, LegalReviewerName,
            "Lovlig behandlingsgrunnlag etter art. 6 nr. 1 bokstav e og art. 9 nr. 2 bokstav j, med helseforskningsloven som supplerende grunnlag.", requestPath);
        await ReviewAsync(PrivacyReviewer, "privacy", ReviewRole.Privacy, PrivacyReviewerName,
            "Dataminimeringen er god og utdata er anonymiserte; vilkår om aggregerte resultater anbefales.", requestPath);

        // --- 6. The manager approves with conditions and issues the data permit ---------------------------------------
        await GotoOkAsync(manager, requestPath, "The request after the sign-offs");
        var reviews = manager.GetByRole(AriaRole.Region, new() { Name = L("Requests.Reviews"), Exact = true });
        await Expect(reviews.GetByText(new Regex("^" + Regex.Escape(L("Requests.SignedOff", LegalReviewerName, "\u0001").Split('\u0001')[0])))).ToHaveCountAsync(1);
        await Expect(reviews.GetByText(new Regex("^" + Regex.Escape(L("Requests.SignedOff", PrivacyReviewerName, "\u0001").Split('\u0001')[0])))).ToHaveCountAsync(1);
        await journey.Visit(manager, "manager-signed-off");
        await FillDecisionAsync(manager);
        await journey.Visit(manager, "manager-decision-filled");
        await ClickOkAsync(manager, Decide(manager).GetByRole(AriaRole.Button, new() { Name = L("Requests.DecideButton"), Exact = true }), "Approving with conditions");
        await Expect(manager.GetByText(L("Requests.DecidedFlash"))).ToBeVisibleAsync();
        await Expect(StateTag(manager)).ToHaveTextAsync(L("RequestState.ApprovedWithConditions"));
        var permitNumber = await ExpectDecisionAndPermitAsync(manager);
        output.WriteLine($"Data permit {permitNumber} issued for request {id}");
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = L("Requests.DecideTitle"), Exact = true })).ToHaveCountAsync(0);
        await journey.Visit(manager, "manager-decided");

        // --- 7. The researcher reads the decision and the permit and downloads the letter; no internal note anywhere ---
        await OpenFromHubListAsync(researcher, L("Requests.Mine"), requestPath, "researcher");
        await Expect(StateTag(researcher)).ToHaveTextAsync(L("RequestState.ApprovedWithConditions"));
        Assert.Equal(permitNumber, await ExpectDecisionAndPermitAsync(researcher));
        await Expect(researcher.GetByRole(AriaRole.Region, new() { Name = L("Requests.InternalNotes"), Exact = true })).ToHaveCountAsync(0);
        await Expect(researcher.GetByRole(AriaRole.Region, new() { Name = L("Requests.DecideTitle"), Exact = true })).ToHaveCountAsync(0);
        NeverShown(await researcher.ContentAsync(), "the request page");
        await journey.Visit(researcher, "researcher-decision");

        var decision = researcher.GetByRole(AriaRole.Region, new() { Name = L("Requests.DecisionTitle"), Exact = true });
        var pdfLink = decision.GetByRole(AriaRole.Link, new() { Name = L("Requests.LetterPdf"), Exact = true });
        await Expect(pdfLink).ToHaveAttributeAsync("href", $"/api/v1/hubs/{Hub}/requests/{id}/letter.pdf");
        var pdf = await DownloadAsync(researcher, pdfLink);
        Assert.True(pdf.Length > 4 && Encoding.ASCII.GetString(pdf, 0, 4) == "%PDF", "The decision letter (PDF) does not start with %PDF.");
        var htmlLink = decision.GetByRole(AriaRole.Link, new() { Name = L("Requests.LetterHtml"), Exact = true });
        await Expect(htmlLink).ToHaveAttributeAsync("href", $"/api/v1/hubs/{Hub}/requests/{id}/letter.html");
        var letter = Encoding.UTF8.GetString(await DownloadAsync(researcher, htmlLink));
        output.WriteLine($"Decision letter: PDF {pdf.Length} bytes, HTML {letter.Length} characters");
        Assert.Contains($"lang=\"{Norwegian}\"", letter, StringComparison.Ordinal);
        Assert.Contains(L("Letters.Subject", Title), letter, StringComparison.Ordinal);
        Assert.Contains(L("Letters.PermitIntro"), letter, StringComparison.Ordinal);
        Assert.Contains(L("Letters.Closing"), letter, StringComparison.Ordinal);
        Assert.Contains(Conditions, letter, StringComparison.Ordinal);
        Assert.Contains(permitNumber, letter, StringComparison.Ordinal);
        NeverShown(letter, "the decision letter");

        await GotoOkAsync(researcher, "/requests", "The researcher's requests");
        var mine = researcher.Locator("main table tbody tr").Filter(new() { Has = researcher.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }) });
        await Expect(mine).ToContainTextAsync(L("RequestState.ApprovedWithConditions"));
        NeverShown(await researcher.ContentAsync(), "/requests");
        await journey.Visit(researcher, "researcher-my-requests");

        await GotoOkAsync(researcher, requests, "The hub's requests, for the researcher");
        NeverShown(await researcher.ContentAsync(), requests);
        await journey.Visit(researcher, "researcher-hub-requests-after");

        await GotoOkAsync(researcher, "/notifications", "The researcher's notifications");
        NeverShown(await researcher.ContentAsync(), "/notifications");
        await journey.Visit(researcher, "researcher-notifications");

        var api = await researcher.APIRequest.GetAsync($"/api/v1/hubs/{Hub}/requests/{id}");
        Assert.Equal(200, api.Status);
        var json = await api.TextAsync();
        using (var parsed = JsonDocument.Parse(json))
        {
            Assert.Equal("ApprovedWithConditions", parsed.RootElement.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("internalNotes").ValueKind);
        }
        NeverShown(json, "the request in the API");
    }

    // --- Steps ------------------------------------------------------------------------------------------------

    /// <summary>The request's state, the second tag under its title.</summary>
    private static ILocator StateTag(IPage page) => page.Locator("main h1 + p .tag").Nth(1);

    /// <summary>The field (its div or fieldset) holding the control posted under <paramref name="name"/>.</summary>
    private static ILocator FieldOf(IPage page, string name) =>
        page.Locator($"[name='{name}']").First.Locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");

    private static ILocator Decide(IPage page) => page.Locator("main section#decide");

    /// <summary>From the hub's requests page, the request in the table under the heading; ends on the request's page.</summary>
    private async Task OpenFromHubListAsync(IPage page, string heading, string requestPath, string who)
    {
        await GotoOkAsync(page, $"/hubs/{Hub}/requests", $"The hub's requests, for the {who}");
        await journey.Visit(page, $"{who}-hub-requests");
        var list = page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });
        await ClickOkAsync(page, list.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }), $"Opening the request from \"{heading}\"");
        Assert.Equal(requestPath, PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Title);
    }

    /// <summary>
    /// Fills in, on the edit page, every field of the form that is required with these choices (required, or required
    /// by a choice made) and that <paramref name="which"/> selects; attaches a small PDF for each document needed.
    /// Answers the keys of the documents attached.
    /// </summary>
    private async Task<List<string>> FillAsync(IPage page, RequestForm form, Dictionary<string, string> choices, Func<RequestField, bool> which)
    {
        string Choice(RequestField f) => choices.TryGetValue(f.Key, out var c) ? c : f.Default ?? f.Options![0].Key;
        var chosen = form.Fields.Where(f => f.Kind is FieldKind.Choice or FieldKind.MultiChoice).ToDictionary(f => f.Key, Choice);
        bool Needed(RequestField f) => f.Required || f.RequiredIf is { } w && w.Values.Contains(chosen.GetValueOrDefault(w.Field));

        var attached = new List<string>();
        foreach (var field in form.Fields.Where(f => Needed(f) && which(f)))
        {
            if (field.Kind == FieldKind.File)
            {
                await page.Locator($"input[type='file'][name='f.{field.Key}']").SetInputFilesAsync(new FilePayload
                {
                    Name = $"{field.Key}.pdf", MimeType = "application/pdf", Buffer = Pdf,
                });
                attached.Add(field.Key);
            }
            else if (field.Kind == FieldKind.Group)
            {
                foreach (var sub in field.Fields!.Where(s => s.Required))
                    await AnswerAsync(page, $"a.{field.Key}.0.{sub.Key}", sub, $"{field.Key}.{sub.Key}", sub.Options is null ? null : Choice(sub));
            }
            else
            {
                await AnswerAsync(page, $"a.{field.Key}", field, field.Key, field.Options is null ? null : Choice(field));
            }
        }
        return attached;
    }

    private async Task AnswerAsync(IPage page, string name, RequestField field, string key, string? choice)
    {
        var label = field.Label.In(Norwegian);
        switch (field.Kind)
        {
            case FieldKind.Choice:
            case FieldKind.MultiChoice:
                await page.Locator($"input[name='{name}'][value='{choice}']").CheckAsync();
                break;
            case FieldKind.Date:
                await page.Locator($"input[name='{name}']").FillAsync(Dates.GetValueOrDefault(key)
                    ?? (key.EndsWith("End", StringComparison.Ordinal) || key.EndsWith("To", StringComparison.Ordinal) ? "2028-12-31" : "2027-01-01"));
                break;
            case FieldKind.Number:
                await page.Locator($"input[name='{name}']").FillAsync("12");
                break;
            case FieldKind.LongText:
                await page.Locator($"textarea[name='{name}']").FillAsync(Answers.GetValueOrDefault(key) ?? $"{label}: se prosjektbeskrivelsen.");
                break;
            default:
                await page.Locator($"input[name='{name}']").FillAsync(Answers.GetValueOrDefault(key)
                    ?? (key.Contains("mail", StringComparison.OrdinalIgnoreCase) ? Researcher : $"{label} ({key})"));
                break;
        }
    }

    /// <summary>The manager assigns a reviewer in a role; the reviews list the reviewer, not signed off yet.</summary>
    private async Task AssignAsync(IPage page, string email, ReviewRole role, string name)
    {
        var reviews = page.GetByRole(AriaRole.Region, new() { Name = L("Requests.Reviews"), Exact = true });
        await reviews.Locator("input[name='Assign.Email']").FillAsync(email);
        await reviews.Locator("select[name='Assign.Role']").SelectOptionAsync(role.ToString());
        await ClickOkAsync(page, reviews.GetByRole(AriaRole.Button, new() { Name = L("Requests.AssignButton"), Exact = true }), $"Assigning {email} ({role})");
        await Expect(page.GetByText(L("Requests.ReviewerAssigned"))).ToBeVisibleAsync();
        var card = reviews.Locator("article").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"{L("ReviewRole." + role)}: {name}", Exact = true }) });
        await Expect(card).ToContainTextAsync(L("Requests.NotSignedOff"));
        await journey.Visit(page, $"manager-assigned-{role.ToString().ToLowerInvariant()}");
    }

    /// <summary>Approve with conditions, with the data permit's fields.</summary>
    private static async Task FillDecisionAsync(IPage page)
    {
        var decide = Decide(page);
        await decide.Locator($"input[name='Decision.Decision'][value='{RequestState.ApprovedWithConditions}']").CheckAsync();
        await decide.Locator("textarea[name='Decision.Conditions']").FillAsync(Conditions);
        await decide.Locator("input[name='Permit.ValidFrom']").FillAsync("2027-01-01");
        await decide.Locator("input[name='Permit.ValidTo']").FillAsync("2028-12-31");
        await decide.Locator("textarea[name='Permit.GrantedData']").FillAsync(GrantedData);
        await decide.Locator("textarea[name='Permit.Environment']").FillAsync(Environment);
        await decide.Locator("textarea[name='Permit.AuthorisedPeople']").FillAsync(AuthorisedPeople);
    }

    /// <summary>A reviewer opens the request from their list, ticks the checklist, recommends approval with conditions and signs off.</summary>
    private async Task ReviewAsync(string email, string who, ReviewRole role, string name, string opinion, string requestPath)
    {
        await using var context = await fixture.NewContextAsync(Norwegian);
        var page = await journey.SignInAsAsync(context, email, who);
        await OpenFromHubListAsync(page, L("Requests.AssignedToYou"), requestPath, who);
        await Expect(StateTag(page)).ToHaveTextAsync(L("RequestState.InReview"));
        // The hub's side reads the internal notes (the applicant never does).
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = L("Requests.InternalNotes"), Exact = true })).ToContainTextAsync(internalNote);
        await journey.Visit(page, $"{who}-request");

        var reviews = page.GetByRole(AriaRole.Region, new() { Name = L("Requests.Reviews"), Exact = true });
        var card = reviews.Locator("article").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"{L("ReviewRole." + role)}: {name}", Exact = true }) });
        var form = card.Locator("form").Filter(new() { Has = page.Locator("textarea[name='ReviewInput.Opinion']") });
        await Expect(form).ToHaveCountAsync(1);
        var items = form.Locator("input[name='ReviewInput.Checked']");
        var count = await items.CountAsync();
        Assert.True(count > 0, $"The {role} review of {requestPath} has no checklist.");
        for (var i = 0; i < count; i++) await items.Nth(i).CheckAsync();
        await form.Locator($"input[name='ReviewInput.Recommendation'][value='{Recommendation.ApproveWithConditions}']").CheckAsync();
        await form.Locator("textarea[name='ReviewInput.Opinion']").FillAsync(opinion);
        await journey.Visit(page, $"{who}-review-filled");
        await ClickOkAsync(page, form.GetByRole(AriaRole.Button, new() { Name = L("Requests.SignOff"), Exact = true }), $"The {role} review signed off");
        await Expect(page.GetByText(L("Requests.ReviewSignedOffFlash"))).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(L("Requests.SignedOff", name, "\u0001").Split('\u0001')[0]);
        await Expect(card).ToContainTextAsync(L("Recommendation." + Recommendation.ApproveWithConditions));
        await Expect(card).ToContainTextAsync(opinion);
        await Expect(card.Locator("textarea[name='ReviewInput.Opinion']")).ToHaveCountAsync(0);
        await journey.Visit(page, $"{who}-signed-off");
    }

    /// <summary>The decision (approved with conditions, the conditions) and the permit as filled in; answers the permit's number.</summary>
    private async Task<string> ExpectDecisionAndPermitAsync(IPage page)
    {
        var decision = page.GetByRole(AriaRole.Region, new() { Name = L("Requests.DecisionTitle"), Exact = true });
        await Expect(decision).ToContainTextAsync(L("RequestState.ApprovedWithConditions"));
        await Expect(decision).ToContainTextAsync(L("Requests.Conditions"));
        await Expect(decision).ToContainTextAsync(Conditions);
        var heading = page.Locator("#permit-heading");
        var pattern = "^" + Regex.Escape(L("Requests.Permit", "\u0001", 1)).Replace("\u0001", "(HE-\\d{4}-\\d{4})", StringComparison.Ordinal) + "$";
        var number = Regex.Match((await heading.InnerTextAsync()).Trim(), pattern);
        if (!number.Success) throw new XunitException($"The permit's heading \"{await heading.InnerTextAsync()}\" is not \"{pattern}\" at {page.Url}.");
        var permit = page.GetByRole(AriaRole.Region, new() { Name = number.Value, Exact = true });
        await Expect(permit).ToContainTextAsync(L("PermitState.Active"));
        await Expect(permit).ToContainTextAsync(GrantedData);
        await Expect(permit).ToContainTextAsync(Environment);
        await Expect(permit).ToContainTextAsync(AuthorisedPeople);
        await Expect(permit).ToContainTextAsync(Conditions);
        return number.Groups[1].Value;
    }

    /// <summary>Clicks a link served as a download and answers the file's bytes.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        if (await download.FailureAsync() is { } failure) throw new XunitException($"Downloading {download.Url} failed: {failure}");
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>Fails when the internal note's text is in what the researcher can read.</summary>
    private void NeverShown(string content, string where)
    {
        if (content.Contains(internalNote, StringComparison.Ordinal))
            throw new XunitException($"The internal note ({internalNote}) reaches the researcher in {where}.");
        output.WriteLine($"No internal note in {where}.");
    }

    private string L(string key, params object[] args) => journey.L(key, args);

    // --- Before and after -------------------------------------------------------------------------------------

    /// <summary>The journey's people follow their (Norwegian) browser: their saved languages are cleared; answers them to put back.</summary>
    private async Task<Dictionary<Guid, string?>> SetUpAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var people = await db.Users.Where(u => People.Contains(u.Email!)).ToListAsync();
        Assert.Equal(People.Length, people.Count);
        var languages = people.ToDictionary(u => u.Id, u => u.PreferredLanguage);
        foreach (var u in people) u.PreferredLanguage = null;
        await db.SaveChangesAsync();
        return languages;
    }

    private async Task CleanUpAsync(Dictionary<Guid, string?> languages)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        foreach (var user in await db.Users.Where(u => languages.Keys.Contains(u.Id)).ToListAsync())
            user.PreferredLanguage = languages[user.Id];
        await db.SaveChangesAsync();
    }
}
