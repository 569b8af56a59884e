using System.Globalization;
using System.Net;
using System.Text.Json;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>
/// The portfolio dashboard, its export and the ISO 56002 indicators, over a small hub built by hand with fixed dates
/// (2024 and 2025); every figure below is worked out from that data by hand.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PortfolioTests(AgoraApps apps)
{
    private const string Year2025 = "from=2025-01-01&to=2025-12-31";

    /// <summary>The hub of a test and the titles of its initiatives (Beta is internal to the hub).</summary>
    private sealed record TestPortfolio(string Slug, int Alpha, int Beta, int Gamma, int Delta, int Epsilon, string BetaTitle);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A hub (currency NOK) with the ISO 56002 stages S1–S5; members: the manager (hub manager), member, agent (member
    /// and gatekeeper) and mentor; citizen and fellow are not members.
    /// Ideas: i1 (member, 2025-02-01, accepted, specialist employee / specialist / city), i2 (agent, 2025-03-01,
    /// accepted, patient / primary / rural), i3 (citizen, 2025-04-01, accepted, specialist employee / specialist / rural),
    /// i4 (member, 2025-05-01, only published, other), i5 (citizen, 2024-06-01, accepted, company / both / city), a draft.
    /// Initiatives:
    ///   Alpha (public; i1, i2; created 2025-01-10; everyday improvement; budget planned 1000 + 3000, spent 400 + 1000):
    ///     go S1→S2 01-20, S2→S3 02-19, S3→S4 03-21, S4→S5 04-20, used 05-10.
    ///   Beta (hub-internal; i3; created 2025-04-05; epiphany; planned 16000): go S1→S2 04-15, active in S2.
    ///   Gamma (public; i5; created 2024-07-01; unclassified): go S1→S2 2024-08-01, stop 2025-03-01 with lessons.
    ///   Delta (public; direct; created 2025-06-01; technology-driven): go S1→S2 06-11, pivot S2→S1 07-01, hold 07-11.
    ///   Epsilon (public; direct; created 2025-09-01; unclassified): stop from S1 10-01 without lessons.
    /// </summary>
    private static Task<TestPortfolio> BuildAsync(AgoraFactory app) => DbAsync(app, async db =>
    {
        async Task<Guid> User(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var manager = await User(DemoAccounts.Manager);
        var member = await User(DemoAccounts.Member);
        var agent = await User(DemoAccounts.Agent);
        var mentor = await User(DemoAccounts.Mentor);
        var citizen = await User(DemoAccounts.Citizen);
        var fellow = await User(DemoAccounts.Fellow);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var hub = new Hub
        {
            Id = Guid.NewGuid(), Slug = "pf-" + suffix, Name = "Portfolio hub " + suffix, Description = "For the portfolio tests.", Languages = "en",
            Region = "Trøndelag", JoinPolicy = JoinPolicy.Approval, Currency = "NOK", CreatedAt = At(2024, 1, 1),
        };
        db.Hubs.Add(hub);
        db.HubMemberships.AddRange(
            new HubMembership { HubId = hub.Id, UserId = manager, Roles = HubRoles.Member | HubRoles.HubManager, JoinedAt = At(2024, 1, 1) },
            new HubMembership { HubId = hub.Id, UserId = member, Roles = HubRoles.Member, JoinedAt = At(2024, 1, 1) },
            new HubMembership { HubId = hub.Id, UserId = agent, Roles = HubRoles.Member | HubRoles.Gatekeeper, JoinedAt = At(2024, 1, 1) },
            new HubMembership { HubId = hub.Id, UserId = mentor, Roles = HubRoles.Member, JoinedAt = At(2024, 1, 1) });
        var stages = InnovationProcess.DefaultStages(hub.Id);
        db.InnovationStages.AddRange(stages);
        var (s1, s2, s3, s4, s5) = (stages[0].Id, stages[1].Id, stages[2].Id, stages[3].Id, stages[4].Id);
        await db.SaveChangesAsync();
        var campaignId = (await CampaignFixtures.MakeAsync(app, hub.Slug, new CampaignInput
        {
            Slug = "ideas-" + suffix, Title = "Ideas for the portfolio", Summary = "Ideas.", Description = "Ideas.",
            Driver = StrategicDriver.InnovateOrganisation, Audience = CampaignAudience.Public,
            Phases = [new PhaseInput { Kind = PhaseKind.Submission, Enabled = true, ShowVoteCounts = true }],
        }, DemoAccounts.Manager, CampaignState.Open)).Id;
        Idea NewIdea(Guid author, DateTimeOffset? published, IdeaState state, IdeaOrigin origin, CareLevel care, CareSetting setting) => new()
        {
            HubId = hub.Id, CampaignId = campaignId, AuthorId = author, Language = "en", Title = "Idea " + Guid.NewGuid().ToString("N")[..6],
            Problem = "A problem.", Solution = "A solution.", State = state, Origin = origin, CareLevel = care, Setting = setting,
            CreatedAt = published ?? At(2025, 1, 1), PublishedAt = published, UpdatedAt = published ?? At(2025, 1, 1), LastActivityAt = published ?? At(2025, 1, 1),
        };
        var i1 = NewIdea(member, At(2025, 2, 1), IdeaState.Accepted, IdeaOrigin.SpecialistCareEmployee, CareLevel.Specialist, CareSetting.City);
        var i2 = NewIdea(agent, At(2025, 3, 1), IdeaState.Accepted, IdeaOrigin.PatientOrCitizen, CareLevel.Primary, CareSetting.Rural);
        var i3 = NewIdea(citizen, At(2025, 4, 1), IdeaState.Accepted, IdeaOrigin.SpecialistCareEmployee, CareLevel.Specialist, CareSetting.Rural);
        var i4 = NewIdea(member, At(2025, 5, 1), IdeaState.Published, IdeaOrigin.Other, CareLevel.NotCareRelated, CareSetting.Both);
        var i5 = NewIdea(citizen, At(2024, 6, 1), IdeaState.Accepted, IdeaOrigin.Company, CareLevel.Both, CareSetting.City);
        var draft = NewIdea(agent, null, IdeaState.Draft, IdeaOrigin.Other, CareLevel.Primary, CareSetting.City);
        db.Ideas.AddRange(i1, i2, i3, i4, i5, draft);
        await db.SaveChangesAsync();

        Initiative NewInitiative(string title, InitiativeVisibility visibility, DateTimeOffset created, Guid stage, InitiativeStatus status,
            DateTimeOffset entered, VergantiType? verganti, InnovationKind? kind) => new()
        {
            HubId = hub.Id, Title = title, Summary = title + " in short.", Visibility = visibility, StageId = stage, Status = status, OwnerId = manager,
            CreatedById = manager, CreatedAt = created, UpdatedAt = entered, StageEnteredAt = entered, Verganti = verganti, Kind = kind, Version = 1,
        };
        var betaTitle = "Beta secret " + suffix;
        var alpha = NewInitiative("Alpha " + suffix, InitiativeVisibility.PublicSummary, At(2025, 1, 10), s5, InitiativeStatus.Used, At(2025, 4, 20),
            VergantiType.EverydayImprovement, InnovationKind.Service);
        var beta = NewInitiative(betaTitle, InitiativeVisibility.HubInternal, At(2025, 4, 5), s2, InitiativeStatus.Active, At(2025, 4, 15),
            VergantiType.Epiphany, InnovationKind.Product);
        var gamma = NewInitiative("Gamma " + suffix, InitiativeVisibility.PublicSummary, At(2024, 7, 1), s2, InitiativeStatus.Stopped, At(2024, 8, 1), null, null);
        var delta = NewInitiative("Delta " + suffix, InitiativeVisibility.PublicSummary, At(2025, 6, 1), s1, InitiativeStatus.OnHold, At(2025, 7, 1),
            VergantiType.TechnologyDriven, InnovationKind.Process);
        var epsilon = NewInitiative("Epsilon " + suffix, InitiativeVisibility.PublicSummary, At(2025, 9, 1), s1, InitiativeStatus.Stopped, At(2025, 9, 1), null, null);
        db.Initiatives.AddRange(alpha, beta, gamma, delta, epsilon);
        await db.SaveChangesAsync();

        db.InitiativeIdeas.AddRange(
            new InitiativeIdea { InitiativeId = alpha.Id, IdeaId = i1.Id }, new InitiativeIdea { InitiativeId = alpha.Id, IdeaId = i2.Id },
            new InitiativeIdea { InitiativeId = beta.Id, IdeaId = i3.Id }, new InitiativeIdea { InitiativeId = gamma.Id, IdeaId = i5.Id });
        GateDecision Gate(Initiative i, Guid from, Guid to, GateOutcome outcome, DateTimeOffset at, string? lessons = null) => new()
        {
            InitiativeId = i.Id, FromStageId = from, ToStageId = to, Outcome = outcome, Rationale = "Decided.", Lessons = lessons, DecidedById = manager, DecidedAt = at,
        };
        db.GateDecisions.AddRange(
            Gate(alpha, s1, s2, GateOutcome.Go, At(2025, 1, 20)), Gate(alpha, s2, s3, GateOutcome.Go, At(2025, 2, 19)),
            Gate(alpha, s3, s4, GateOutcome.Go, At(2025, 3, 21)), Gate(alpha, s4, s5, GateOutcome.Go, At(2025, 4, 20)),
            Gate(alpha, s5, s5, GateOutcome.Used, At(2025, 5, 10)),
            Gate(beta, s1, s2, GateOutcome.Go, At(2025, 4, 15)),
            Gate(gamma, s1, s2, GateOutcome.Go, At(2024, 8, 1)), Gate(gamma, s2, s2, GateOutcome.Stop, At(2025, 3, 1), "Too costly for rural clinics."),
            Gate(delta, s1, s2, GateOutcome.Go, At(2025, 6, 11)), Gate(delta, s2, s1, GateOutcome.Pivot, At(2025, 7, 1)),
            Gate(delta, s1, s1, GateOutcome.Hold, At(2025, 7, 11)),
            Gate(epsilon, s1, s1, GateOutcome.Stop, At(2025, 10, 1), "  "));
        db.BudgetLines.AddRange(
            new BudgetLine { InitiativeId = alpha.Id, Year = 2025, Quarter = 1, Source = FundingSource.Internal, Planned = 1000m, Spent = 400m, UpdatedAt = At(2025, 1, 10) },
            new BudgetLine { InitiativeId = alpha.Id, Year = 2025, Quarter = 2, Source = FundingSource.NationalGrant, Planned = 3000m, Spent = 1000m, UpdatedAt = At(2025, 1, 10) },
            new BudgetLine { InitiativeId = beta.Id, Year = 2025, Quarter = 3, Source = FundingSource.Internal, Planned = 16000m, Spent = 0m, UpdatedAt = At(2025, 4, 5) });
        var b1 = new Benefit { InitiativeId = alpha.Id, Indicator = "Patients seen", Unit = "per day", Baseline = 10m, Target = 20m, CreatedAt = At(2025, 1, 10) };
        var b2 = new Benefit { InitiativeId = alpha.Id, Indicator = "Waiting", Unit = "days", Baseline = 50m, Target = 30m, CreatedAt = At(2025, 1, 10) };
        var b3 = new Benefit { InitiativeId = alpha.Id, Indicator = "Not measured", Unit = "%", Baseline = 0m, Target = 1m, CreatedAt = At(2025, 1, 10) };
        var b4 = new Benefit { InitiativeId = beta.Id, Indicator = "Clinics using it", Unit = "clinics", Baseline = 0m, Target = 5m, CreatedAt = At(2025, 4, 5) };
        db.Benefits.AddRange(b1, b2, b3, b4);
        await db.SaveChangesAsync();
        BenefitMeasurement Measure(Benefit b, DateOnly on, decimal value) => new()
        {
            BenefitId = b.Id, MeasuredOn = on, Value = value, Note = "", RecordedById = manager, RecordedAt = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        db.BenefitMeasurements.AddRange(
            Measure(b1, new DateOnly(2025, 5, 1), 15m), Measure(b1, new DateOnly(2025, 6, 1), 22m),
            Measure(b2, new DateOnly(2025, 6, 1), 35m), Measure(b2, new DateOnly(2026, 1, 15), 28m),
            Measure(b4, new DateOnly(2025, 7, 1), 5m));
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "report.pdf", ContentType = "application/pdf", Size = 4, Sha256 = new string('0', 64), Content = [1, 2, 3, 4],
            UploadedById = manager, UploadedAt = At(2025, 1, 1),
        };
        db.Files.Add(file);
        InitiativeDocument Document(Initiative i, ArtefactKind kind, DateTimeOffset at) =>
            new() { InitiativeId = i.Id, FileId = file.Id, Kind = kind, StageId = i.StageId, UploadedById = manager, UploadedAt = at };
        db.InitiativeDocuments.AddRange(
            Document(alpha, ArtefactKind.ConceptDescription, At(2025, 2, 1)), Document(alpha, ArtefactKind.PilotReport, At(2025, 3, 15)),
            Document(beta, ArtefactKind.ValidationReport, At(2025, 5, 1)), Document(gamma, ArtefactKind.PilotReport, At(2024, 12, 1)));
        db.Comments.AddRange(
            new Comment { IdeaId = i1.Id, AuthorId = fellow, Body = "Good.", BodyHtml = "<p>Good.</p>", CreatedAt = At(2025, 6, 1) },
            new Comment { IdeaId = i2.Id, AuthorId = member, Body = "Yes.", BodyHtml = "<p>Yes.</p>", CreatedAt = At(2025, 6, 2) },
            new Comment { IdeaId = i2.Id, AuthorId = mentor, Body = "Late.", BodyHtml = "<p>Late.</p>", CreatedAt = At(2026, 1, 2) });
        db.Votes.AddRange(
            new Vote { IdeaId = i1.Id, UserId = manager, CampaignId = campaignId, CastAt = At(2025, 7, 1) },
            new Vote { IdeaId = i4.Id, UserId = citizen, CampaignId = campaignId, CastAt = At(2025, 7, 2) });
        await db.SaveChangesAsync();
        return new TestPortfolio(hub.Slug, alpha.Id, beta.Id, gamma.Id, delta.Id, epsilon.Id, betaTitle);
    });

    private static int[] Counts(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("count").GetInt32()).ToArray();

    private static Dictionary<string, int> ByValue(JsonElement list) =>
        list.EnumerateArray().ToDictionary(e => e.GetProperty("value").GetString()!, e => e.GetProperty("count").GetInt32());

    [Theory, BothDatabases]
    public async Task Indicators_ForAHandBuiltPortfolio_AreTheHandComputedValues(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var set = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/indicators?{Year2025}");
        Assert.Equal("2025-01-01", set.GetProperty("from").GetString());
        Assert.Equal("2025-12-31", set.GetProperty("to").GetString());
        var input = set.GetProperty("input");
        Assert.Equal(4, input.GetProperty("ideasSubmitted").GetInt32()); // i1–i4; i5 is 2024, the draft is not published
        Assert.Equal(4, input.GetProperty("initiativesStarted").GetInt32()); // Alpha, Beta, Delta, Epsilon
        Assert.Equal(5, input.GetProperty("participants").GetInt32()); // member, agent, citizen (ideas), fellow (comment), manager (vote)
        Assert.Equal(3, input.GetProperty("membersTakingPart").GetInt32()); // manager, member, agent
        Assert.Equal(4, input.GetProperty("members").GetInt32());
        Assert.Equal(75.0m, input.GetProperty("staffShare").GetDecimal());

        var throughput = set.GetProperty("throughput");
        var conversion = throughput.GetProperty("conversion").EnumerateArray().ToList();
        Assert.Equal(4, conversion.Count);
        // S1: Alpha, Beta, Delta, Epsilon entered; all but Epsilon went on. S2: Alpha, Beta, Delta (Gamma entered in 2024); only Alpha went on.
        Assert.Equal([4, 3, 1, 1], conversion.Select(c => c.GetProperty("entered").GetInt32()).ToArray());
        Assert.Equal([3, 1, 1, 1], conversion.Select(c => c.GetProperty("wentOn").GetInt32()).ToArray());
        Assert.Equal([75.0m, 33.3m, 100.0m, 100.0m], conversion.Select(c => c.GetProperty("share").GetDecimal()).ToArray());
        Assert.Equal("CreateConcept", conversion[0].GetProperty("to").GetProperty("step").GetString());
        // Decisions in 2025 (not "used"): waits 10, 30, 30, 30 (Alpha), 10 (Beta), 212 (Gamma's stop), 10, 20, 10 (Delta), 30 (Epsilon).
        Assert.Equal(10, throughput.GetProperty("gateDecisions").GetInt32());
        Assert.Equal(25.0, throughput.GetProperty("medianDaysToDecision").GetDouble());
        Assert.Equal(2, throughput.GetProperty("experimentsRun").GetInt32()); // Alpha's pilot report, Beta's validation report

        var output = set.GetProperty("output");
        Assert.Equal(1, output.GetProperty("deployed").GetInt32()); // Alpha entered S5 on 2025-04-20
        Assert.Equal(1, output.GetProperty("used").GetInt32());
        // b1 latest 22 ≥ 20; b2 latest by the end of 2025 is 35, not ≤ 30 (the 28 of 2026 is after the period); b4 5 ≥ 5; b3 never measured.
        Assert.Equal(3, output.GetProperty("benefitsMeasured").GetInt32());
        Assert.Equal(2, output.GetProperty("benefitsReached").GetInt32());
        Assert.Equal(66.7m, output.GetProperty("benefitsReachedShare").GetDecimal());
        Assert.Equal(1, output.GetProperty("stoppedWithLearning").GetInt32()); // Gamma; Epsilon's lessons are blank

        // Another period: 2024 holds Gamma's start and first gate, i5, and nothing else.
        var earlier = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/indicators?from=2024-01-01&to=2024-12-31");
        Assert.Equal(1, earlier.GetProperty("input").GetProperty("ideasSubmitted").GetInt32());
        Assert.Equal(1, earlier.GetProperty("input").GetProperty("initiativesStarted").GetInt32());
        Assert.Equal(1, earlier.GetProperty("input").GetProperty("participants").GetInt32()); // the citizen, not a member
        Assert.Equal(0.0m, earlier.GetProperty("input").GetProperty("staffShare").GetDecimal());
        Assert.Equal(31.0, earlier.GetProperty("throughput").GetProperty("medianDaysToDecision").GetDouble());
        Assert.Equal(1, earlier.GetProperty("throughput").GetProperty("experimentsRun").GetInt32());
        Assert.Equal(0, earlier.GetProperty("output").GetProperty("benefitsMeasured").GetInt32());
        Assert.Equal(JsonValueKind.Null, earlier.GetProperty("output").GetProperty("benefitsReachedShare").ValueKind);

        // The page shows the same figures with their definitions.
        var (response, page) = await manager.GetAsync($"/hubs/{p.Slug}/initiatives/indicators?{Year2025}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4", page.QuerySelector("tr[data-indicator=IdeasSubmitted] td")!.TextContent);
        Assert.Equal("75.0 % (3 of 4 members)", page.QuerySelector("tr[data-indicator=StaffShare] td")!.TextContent);
        Assert.Equal("66.7 % (2 of 3 benefits)", page.QuerySelector("tr[data-indicator=BenefitsReached] td")!.TextContent);
        Assert.Contains("latest measurement reached the target", page.QuerySelector("tr[data-indicator=BenefitsReached]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("tr[data-indicator=Conversion]").Length);
    }

    [Theory, BothDatabases]
    public async Task Indicators_AreForManagersAndGatekeepers_403ForOthers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        var api = $"/api/v1/hubs/{p.Slug}/indicators?{Year2025}";
        var page = $"/hubs/{p.Slug}/initiatives/indicators";

        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(page)).StatusCode);
        var outsider = await SignInAsync(app, DemoAccounts.OtherManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Client.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/api/v1/hubs/no-such-hub/indicators")).StatusCode);

        var gatekeeper = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(4, (await GetJsonAsync(gatekeeper.Client, api)).GetProperty("input").GetProperty("ideasSubmitted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await gatekeeper.Client.GetAsync(page)).StatusCode);

        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var backwards = await manager.Client.GetAsync($"/api/v1/hubs/{p.Slug}/indicators?from=2025-12-31&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True(JsonDocument.Parse(await backwards.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/api/v1/hubs/{p.Slug}/indicators?from=2025-13-01")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Dashboard_CountsTheHandBuiltPortfolio_ForAManager(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var view = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}");
        Assert.Equal("NOK", view.GetProperty("currency").GetString());
        Assert.Equal(5, view.GetProperty("total").GetInt32());
        Assert.Equal([2, 2, 0, 0, 1], Counts(view.GetProperty("byStage"))); // S1 Delta, Epsilon; S2 Beta, Gamma; S5 Alpha

        var bubbles = view.GetProperty("verganti").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetInt32());
        Assert.Equal([p.Alpha, p.Beta, p.Delta], bubbles.Keys.Order().ToArray());
        Assert.Equal("EverydayImprovement", bubbles[p.Alpha].GetProperty("type").GetString());
        Assert.Equal(4000m, bubbles[p.Alpha].GetProperty("planned").GetDecimal());
        Assert.False(bubbles[p.Alpha].GetProperty("newTechnology").GetBoolean());
        Assert.False(bubbles[p.Alpha].GetProperty("newMeaning").GetBoolean());
        Assert.Equal(16000m, bubbles[p.Beta].GetProperty("planned").GetDecimal());
        Assert.True(bubbles[p.Beta].GetProperty("newTechnology").GetBoolean());
        Assert.True(bubbles[p.Beta].GetProperty("newMeaning").GetBoolean());
        Assert.Equal(0m, bubbles[p.Delta].GetProperty("planned").GetDecimal());
        Assert.True(bubbles[p.Delta].GetProperty("newTechnology").GetBoolean());
        Assert.False(bubbles[p.Delta].GetProperty("newMeaning").GetBoolean());
        Assert.Equal([p.Gamma, p.Epsilon], view.GetProperty("unclassified").EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ToArray());

        Assert.Equal(new Dictionary<string, int>
        {
            ["SpecialistCareEmployee"] = 2, ["PrimaryCareEmployee"] = 0, ["PatientOrCitizen"] = 1, ["Company"] = 1, ["Researcher"] = 0, ["Other"] = 0,
            ["NotStated"] = 2,
        }, ByValue(view.GetProperty("byOrigin")));
        Assert.Equal(new Dictionary<string, int> { ["Primary"] = 1, ["Specialist"] = 2, ["Both"] = 1, ["NotCareRelated"] = 0, ["NotStated"] = 2 },
            ByValue(view.GetProperty("byCareLevel")));
        Assert.Equal(new Dictionary<string, int> { ["City"] = 2, ["Rural"] = 2, ["Both"] = 0, ["NotStated"] = 2 }, ByValue(view.GetProperty("bySetting")));

        // Ideas: 4 published in 2025, 3 accepted, 3 in Alpha and Beta; those two reach S1, S2, Alpha also S3–S5 and is in use.
        Assert.Equal([4, 3, 3, 2, 2, 1, 1, 1, 1], Counts(view.GetProperty("funnel")));
        Assert.Equal(["IdeasPublished", "IdeasAccepted", "IdeasInInitiative", "ReachedStage", "ReachedStage", "ReachedStage", "ReachedStage", "ReachedStage", "Used"],
            view.GetProperty("funnel").EnumerateArray().Select(f => f.GetProperty("step").GetString()!).ToArray());

        // Days per stage: S1 10 (Alpha), 10 (Beta), 31 (Gamma), 10 (Delta's first stay; on hold since, so its second does not count), 30 (Epsilon).
        var times = view.GetProperty("timeInStage").EnumerateArray().ToList();
        Assert.Equal(5, times[0].GetProperty("initiatives").GetInt32());
        Assert.Equal(10.0, times[0].GetProperty("medianDays").GetDouble());
        Assert.Equal(18.2, times[0].GetProperty("meanDays").GetDouble());
        Assert.Equal(4, times[1].GetProperty("initiatives").GetInt32()); // Beta is still there: up to now
        Assert.Equal(30.0, times[2].GetProperty("medianDays").GetDouble());
        Assert.Equal(30.0, times[3].GetProperty("meanDays").GetDouble());
        Assert.Equal(20.0, times[4].GetProperty("medianDays").GetDouble()); // until marked used

        // Filters: status, Verganti type, origin, setting, stage by position; a period before Gamma began has none.
        Assert.Equal(2, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}&status=Stopped")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}&verganti=epiphany")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}&origin=SpecialistCareEmployee")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}&setting=Rural")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}&stage=2")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?from=2024-01-01&to=2024-06-30")).GetProperty("total").GetInt32());
        // Alpha was used, Gamma and Epsilon stopped in 2025: 2026's portfolio has Beta and Delta.
        Assert.Equal(2, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{p.Slug}/portfolio?from=2026-01-01&to=2026-12-31")).GetProperty("total").GetInt32());

        foreach (var bad in new[] { "from=2025-12-31&to=2025-01-01", "stage=9", "status=Bogus", "verganti=1", "setting=City,Rural", "from=31.12.2025" })
            Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/api/v1/hubs/{p.Slug}/portfolio?{bad}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync("/api/v1/hubs/no-such-hub/portfolio")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task HubInternalInitiative_IsNotInThePageJsonOrExport_ForANonMember_ButIsForAManager(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        var url = $"/hubs/{p.Slug}/initiatives/portfolio?{Year2025}";
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        foreach (var outsider in new[] { new PageClient(app.NewClient()), await SignInAsync(app, DemoAccounts.OtherManager) })
        {
            var (response, page) = await outsider.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(p.BetaTitle, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.Equal(2, page.QuerySelectorAll("#by-verganti svg circle").Length); // Alpha and Delta
            Assert.Equal("1", page.QuerySelector("#by-stage table tbody tr:nth-child(2) td")!.TextContent); // only Gamma in S2

            var json = await GetJsonAsync(outsider.Client, $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}");
            Assert.Equal(4, json.GetProperty("total").GetInt32());
            Assert.DoesNotContain(p.BetaTitle, json.GetRawText(), StringComparison.Ordinal);
            Assert.Equal([4, 3, 2, 1, 1, 1, 1, 1, 1], Counts(json.GetProperty("funnel"))); // i3 goes on as Beta: not counted

            foreach (var export in new[] { $"/api/v1/hubs/{p.Slug}/portfolio/export?{Year2025}", url + "&format=csv" })
            {
                var csv = await outsider.Client.GetStringAsync(export);
                Assert.DoesNotContain(p.BetaTitle, csv, StringComparison.Ordinal);
                Assert.DoesNotContain($"\r\n{p.Beta},", csv, StringComparison.Ordinal);
                Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header and four initiatives
            }
        }

        var (_, managers) = await manager.GetAsync(url);
        Assert.Contains(p.BetaTitle, managers.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var circles = managers.QuerySelectorAll("#by-verganti svg circle").Select(c => double.Parse(c.GetAttribute("r")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, circles.Count);
        // Area in proportion to the planned budget: Beta's 16000 is four times Alpha's 4000, so twice the radius; Delta has none (the minimum).
        Assert.Equal(2.0, circles.Max() / circles.Where(r => r != circles.Max() && r != circles.Min()).Single(), 2);
        Assert.Equal(6.0, circles.Min());
        Assert.NotNull(managers.QuerySelector("#by-verganti svg[role=img] title"));
        Assert.NotNull(managers.QuerySelector("#by-verganti svg desc"));
        Assert.Contains(p.BetaTitle, managers.QuerySelector("#chart-verganti-desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(p.Gamma.ToString(CultureInfo.InvariantCulture), managers.QuerySelector("#unclassified")!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(managers.QuerySelector($"a[href='/hubs/{p.Slug}/initiatives/indicators']"));
        Assert.Empty(managers.QuerySelectorAll("main [style]"));

        var managerCsv = await manager.Client.GetStringAsync($"/api/v1/hubs/{p.Slug}/portfolio/export?{Year2025}");
        var lines = managerCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,stage,status,visibility,verganti,kind,origins,care levels,settings,planned budget,spent budget,currency,benefits,created,stage entered", lines[0]);
        Assert.Equal(6, lines.Length);
        var alpha = lines.Single(l => l.StartsWith(p.Alpha + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["Deploy solution", "Used", "PublicSummary", "EverydayImprovement", "Service", "SpecialistCareEmployee; PatientOrCitizen", "Primary; Specialist", "City; Rural"],
            alpha[2..10]);
        Assert.Equal(4000m, decimal.Parse(alpha[10], CultureInfo.InvariantCulture));
        Assert.Equal(1400m, decimal.Parse(alpha[11], CultureInfo.InvariantCulture));
        Assert.Equal(["NOK", "3", "2025-01-10T00:00:00Z", "2025-04-20T00:00:00Z"], alpha[12..].ToArray());
        Assert.Contains(lines, l => l.StartsWith($"{p.Beta},{p.BetaTitle},", StringComparison.Ordinal));

        var xlsx = await manager.Client.GetAsync($"/api/v1/hubs/{p.Slug}/portfolio/export?{Year2025}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains(p.BetaTitle, await sheet.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/api/v1/hubs/{p.Slug}/portfolio/export?format=json")).StatusCode);
    }

    /// <summary>The cells of a CSV export (RFC 4180: quoted fields, doubled quotes), the byte order mark dropped.</summary>
    internal static List<List<string>> CsvRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var text = csv.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(ch);
        }
        return rows;
    }

    /// <summary>The budget cells (planned, spent) of every initiative row of a CSV export, by initiative id.</summary>
    internal static Dictionary<int, (string Planned, string Spent)> BudgetCells(string csv)
    {
        var rows = CsvRows(csv);
        var header = rows[0];
        var planned = header.IndexOf("planned budget");
        var spent = header.IndexOf("spent budget");
        Assert.True(planned > 0 && spent > 0, "the export has its budget columns");
        return rows.Skip(1).ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => (r[planned], r[spent]));
    }

    /// <summary>The cells of columns K and L (planned and spent budget) below the header of an XLSX export's sheet.</summary>
    private static async Task<List<string>> XlsxBudgetCellsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        return System.Text.RegularExpressions.Regex.Matches(xml, "<c r=\"[KL]([0-9]+)\"[^>]*>.*?</c>").Where(m => m.Groups[1].Value != "1")
            .Select(m => m.Value).ToList();
    }

    /// <summary>
    /// The security review's hole 6: budgets leaked through the portfolio to readers the resources page answers 404.
    /// Anonymous readers, a plain member and the author of an initiative's idea get no budget figure in the dashboard page,
    /// its JSON, or either export route in CSV or XLSX; a team member sees their own initiative's; gatekeepers and managers see all.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Budgets_ForReadersWhoMayNotSeeMoney_AreInNoPageJsonOrExport(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        var page = $"/hubs/{p.Slug}/initiatives/portfolio?{Year2025}";
        var api = $"/api/v1/hubs/{p.Slug}/portfolio?{Year2025}";
        var exports = new[] { $"/api/v1/hubs/{p.Slug}/portfolio/export?{Year2025}&format=csv", page + "&format=csv" };
        var xlsxExports = new[] { $"/api/v1/hubs/{p.Slug}/portfolio/export?{Year2025}&format=xlsx", page + "&format=xlsx" };

        // Anonymous; a plain member (mentor); the author of Alpha's idea (member): none of them may see money.
        foreach (var reader in new[] { new PageClient(app.NewClient()), await SignInAsync(app, DemoAccounts.Mentor), await SignInAsync(app, DemoAccounts.Member) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/api/v1/hubs/{p.Slug}/initiatives/{p.Alpha}/resources")).StatusCode);

            var json = await GetJsonAsync(reader.Client, api);
            Assert.False(json.GetProperty("sizedByBudget").GetBoolean());
            Assert.NotEmpty(json.GetProperty("verganti").EnumerateArray());
            Assert.All(json.GetProperty("verganti").EnumerateArray(), b => Assert.Equal(JsonValueKind.Null, b.GetProperty("planned").ValueKind));

            foreach (var export in exports)
            {
                var cells = BudgetCells(await reader.Client.GetStringAsync(export));
                Assert.Contains(p.Alpha, cells.Keys);
                Assert.All(cells.Values, c => Assert.Equal(("", ""), c));
            }
            foreach (var export in xlsxExports) Assert.Empty(await XlsxBudgetCellsAsync(reader.Client, export));

            var (response, html) = await reader.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var radii = html.QuerySelectorAll("#by-verganti svg circle").Select(c => c.GetAttribute("r")).Distinct().ToList();
            Assert.Single(radii); // one size for every bubble: the size says nothing of the budget
            Assert.DoesNotContain("Planned budget", html.QuerySelector("section#by-verganti")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("4,000", html.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("NOK)", html.QuerySelector("#chart-verganti-desc")!.TextContent, StringComparison.Ordinal);
        }

        // On Alpha's team the mentor sees Alpha's money, and still no other initiative's.
        await DbAsync(app, async db =>
        {
            var mentor = await db.Users.Where(u => u.Email == DemoAccounts.Mentor).Select(u => u.Id).SingleAsync();
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = p.Alpha, UserId = mentor, Role = TeamRole.Member, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var onTeam = await SignInAsync(app, DemoAccounts.Mentor);
        Assert.Equal(HttpStatusCode.OK, (await onTeam.Client.GetAsync($"/api/v1/hubs/{p.Slug}/initiatives/{p.Alpha}/resources")).StatusCode);
        var teamCells = BudgetCells(await onTeam.Client.GetStringAsync(exports[0]));
        Assert.Equal(("4000", "1400"), (teamCells[p.Alpha].Planned.Split('.')[0], teamCells[p.Alpha].Spent.Split('.')[0]));
        Assert.Equal(("", ""), teamCells[p.Delta]);
        var teamJson = (await GetJsonAsync(onTeam.Client, api)).GetProperty("verganti").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetInt32());
        Assert.Equal(4000m, teamJson[p.Alpha].GetProperty("planned").GetDecimal());
        Assert.Equal(JsonValueKind.Null, teamJson[p.Delta].GetProperty("planned").ValueKind);

        // A gatekeeper (agent) and the manager see every initiative's money, sized bubbles and the budget column.
        foreach (var judge in new[] { await SignInAsync(app, DemoAccounts.Agent), await SignInAsync(app, DemoAccounts.Manager) })
        {
            var json = await GetJsonAsync(judge.Client, api);
            Assert.True(json.GetProperty("sizedByBudget").GetBoolean());
            var cells = BudgetCells(await judge.Client.GetStringAsync(exports[1]));
            Assert.Equal(4000m, decimal.Parse(cells[p.Alpha].Planned, CultureInfo.InvariantCulture));
            Assert.Equal(16000m, decimal.Parse(cells[p.Beta].Planned, CultureInfo.InvariantCulture));
            Assert.NotEmpty(await XlsxBudgetCellsAsync(judge.Client, xlsxExports[0]));
            var (_, html) = await judge.GetAsync(page);
            Assert.Contains("Planned budget (NOK)", html.QuerySelector("section#by-verganti")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(3, html.QuerySelectorAll("#by-verganti svg circle").Select(c => c.GetAttribute("r")).Distinct().Count());
        }
    }

    /// <summary>Hole 6 exactly as reported: the demo hub's public initiative's budget through the anonymous CSV export.</summary>
    [Theory, BothDatabases]
    public async Task DemoPortfolioExport_Anonymous_HasNoBudgetOfThePublicInitiative(string provider)
    {
        var app = await apps.GetAsync(provider);
        var video = await DbAsync(app, db => db.Initiatives.Where(i => i.Title == "Video follow-up in rural municipalities").Select(i => i.Id).SingleAsync());
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/hubs/{DemoAccounts.HelseplattformenHub}/initiatives/{video}/resources")).StatusCode);

        var csv = await anonymous.GetStringAsync($"/api/v1/hubs/{DemoAccounts.HelseplattformenHub}/portfolio/export?format=csv");
        var cells = BudgetCells(csv);
        Assert.Contains(video, cells.Keys);
        Assert.All(cells.Values, c => Assert.Equal(("", ""), c));
        Assert.DoesNotContain("650000", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("180000", csv, StringComparison.Ordinal);

        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var managers = BudgetCells(await manager.Client.GetStringAsync($"/api/v1/hubs/{DemoAccounts.HelseplattformenHub}/portfolio/export?format=csv"));
        Assert.Equal(650000m, decimal.Parse(managers[video].Planned, CultureInfo.InvariantCulture));
        Assert.Equal(180000m, decimal.Parse(managers[video].Spent, CultureInfo.InvariantCulture));
    }

    [Theory, BothDatabases]
    public async Task Dashboard_EmptyState_AndFieldErrors(string provider)
    {
        var app = await apps.GetAsync(provider);
        var p = await BuildAsync(app);
        // Someone who may see none of the initiatives: all made internal for this test.
        await DbAsync(app, db => db.Initiatives.Where(i => db.Hubs.Any(h => h.Id == i.HubId && h.Slug == p.Slug))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Visibility, InitiativeVisibility.HubInternal)));
        var (response, page) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{p.Slug}/initiatives/portfolio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#portfolio-empty"));
        Assert.Null(page.QuerySelector("main svg"));

        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (_, bad) = await manager.GetAsync($"/hubs/{p.Slug}/initiatives/portfolio?from=2025-12-31&to=2025-01-01");
        Assert.Contains("The end of the period cannot be before its start.", bad.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(bad.QuerySelector("main svg"));
        var (_, board) = await manager.GetAsync($"/hubs/{p.Slug}/initiatives");
        Assert.NotNull(board.QuerySelector($"a[href='/hubs/{p.Slug}/initiatives/portfolio']"));
    }
}
