using Agora.Web.Features.Campaigns;

namespace Agora.Tests.Features.Campaigns;

/// <summary>Who may read and take part, and what a campaign's state, phases and limits allow on a given day.</summary>
public sealed class CampaignRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static readonly Viewer Anonymous = Viewer.Anonymous;
    private static readonly Viewer Outsider = new(IsAuthenticated: true, IsMember: false, IsManager: false, IsBlocked: false);
    private static readonly Viewer Member = new(IsAuthenticated: true, IsMember: true, IsManager: false, IsBlocked: false);
    private static readonly Viewer Blocked = new(IsAuthenticated: true, IsMember: true, IsManager: false, IsBlocked: true);
    private static readonly Viewer Manager = new(IsAuthenticated: true, IsMember: true, IsManager: true, IsBlocked: false);

    private static CampaignPhase Phase(PhaseKind kind, bool enabled = true, DateOnly? from = null, DateOnly? to = null,
        bool comments = true, bool counts = true) =>
        new() { Kind = kind, Enabled = enabled, StartsOn = from, EndsOn = to, CommentsEnabled = comments, ShowVoteCounts = counts };

    private static CampaignPolicy Policy(CampaignState state = CampaignState.Open, CampaignAudience audience = CampaignAudience.HubMembers,
        int? ideas = null, int? votes = null, params CampaignPhase[] phases) =>
        new(state, audience, phases.Length > 0 ? phases : [Phase(PhaseKind.Submission), Phase(PhaseKind.Voting), Phase(PhaseKind.Review)], ideas, votes);

    public static TheoryData<CampaignAudience, string, bool> ReadCases => new()
    {
        { CampaignAudience.Public, "anonymous", true },
        { CampaignAudience.Public, "outsider", true },
        { CampaignAudience.SignedIn, "anonymous", false },
        { CampaignAudience.SignedIn, "outsider", true },
        { CampaignAudience.HubMembers, "anonymous", false },
        { CampaignAudience.HubMembers, "outsider", false },
        { CampaignAudience.HubMembers, "member", true },
        { CampaignAudience.HubMembers, "blocked", true },
        { CampaignAudience.HubMembers, "manager", true },
    };

    private static Viewer Who(string name) => name switch
    {
        "anonymous" => Anonymous,
        "outsider" => Outsider,
        "member" => Member,
        "blocked" => Blocked,
        _ => Manager,
    };

    [Theory, MemberData(nameof(ReadCases))]
    public void CanRead_OpenCampaign_FollowsAudience(CampaignAudience audience, string who, bool expected) =>
        Assert.Equal(expected, CampaignRules.CanRead(Policy(audience: audience), Who(who)));

    [Fact]
    public void CanRead_Draft_OnlyManagers()
    {
        var draft = Policy(CampaignState.Draft, CampaignAudience.Public);
        Assert.False(CampaignRules.CanRead(draft, Anonymous));
        Assert.False(CampaignRules.CanRead(draft, Member));
        Assert.True(CampaignRules.CanRead(draft, Manager));
    }

    [Fact]
    public void CanParticipate_PublicCampaign_SignedInOnly()
    {
        var open = Policy(audience: CampaignAudience.Public);
        Assert.False(CampaignRules.CanParticipate(open, Anonymous));
        Assert.True(CampaignRules.CanParticipate(open, Outsider));
    }

    [Fact]
    public void CanParticipate_Blocked_False()
    {
        var open = Policy(audience: CampaignAudience.Public);
        Assert.True(CampaignRules.CanRead(open, Blocked));
        Assert.False(CampaignRules.CanParticipate(open, Blocked));
        Assert.False(CampaignRules.CanFollow(open, Blocked));
        Assert.False(CampaignRules.CanSubmit(open, Blocked, Today, 0));
        Assert.False(CampaignRules.CanVote(open, Blocked, Today));
        Assert.False(CampaignRules.CanComment(open, Blocked));
    }

    [Fact]
    public void CanParticipate_DraftEvenForManager_False() =>
        Assert.False(CampaignRules.CanParticipate(Policy(CampaignState.Draft), Manager));

    [Theory]
    [InlineData("2026-05-01", "2026-05-31", true)]
    [InlineData("2026-05-15", "2026-05-15", true)] // both days inclusive
    [InlineData("2026-05-16", "2026-05-31", false)] // not started
    [InlineData("2026-05-01", "2026-05-14", false)] // over
    [InlineData(null, "2026-05-15", true)] // open start
    [InlineData("2026-05-15", null, true)] // open end
    [InlineData(null, null, true)]
    public void SubmissionOpen_ByDates(string? from, string? to, bool expected)
    {
        var policy = Policy(phases: [Phase(PhaseKind.Submission, from: Parse(from), to: Parse(to))]);
        Assert.Equal(expected, CampaignRules.SubmissionOpen(policy, Today));
        Assert.Equal(expected, CampaignRules.CanSubmit(policy, Member, Today, 0));
    }

    [Fact]
    public void SubmissionOpen_PhaseOff_False() =>
        Assert.False(CampaignRules.SubmissionOpen(Policy(phases: [Phase(PhaseKind.Submission, enabled: false)]), Today));

    [Fact]
    public void SubmissionOpen_NoSubmissionPhase_False() =>
        Assert.False(CampaignRules.SubmissionOpen(Policy(phases: [Phase(PhaseKind.Voting)]), Today));

    [Theory]
    [InlineData(CampaignState.Draft, false)]
    [InlineData(CampaignState.Open, true)]
    [InlineData(CampaignState.Voting, false)]
    [InlineData(CampaignState.InReview, false)]
    [InlineData(CampaignState.Closed, false)]
    public void SubmissionOpen_OnlyWhileOpen(CampaignState state, bool expected) =>
        Assert.Equal(expected, CampaignRules.SubmissionOpen(Policy(state), Today));

    [Theory]
    [InlineData(CampaignState.Open, true)]
    [InlineData(CampaignState.Voting, true)]
    [InlineData(CampaignState.InReview, false)]
    [InlineData(CampaignState.Closed, false)]
    public void VotingOpen_OpenOrVotingState(CampaignState state, bool expected) =>
        Assert.Equal(expected, CampaignRules.VotingOpen(Policy(state), Today));

    [Fact]
    public void VotingOpen_VotingPhaseOver_False()
    {
        var policy = Policy(CampaignState.Voting, phases: [Phase(PhaseKind.Voting, to: Today.AddDays(-1))]);
        Assert.False(CampaignRules.VotingOpen(policy, Today));
        Assert.False(CampaignRules.CanVote(policy, Member, Today));
    }

    [Theory]
    [InlineData(null, 50, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    public void CanSubmit_IdeaLimit(int? limit, int already, bool expected) =>
        Assert.Equal(expected, CampaignRules.CanSubmit(Policy(ideas: limit), Member, Today, already));

    [Fact]
    public void CanSubmit_Outsider_HubMembersCampaign_False() =>
        Assert.False(CampaignRules.CanSubmit(Policy(), Outsider, Today, 0));

    [Fact]
    public void CommentsOpen_FollowCurrentPhaseSetting()
    {
        var phases = new[] { Phase(PhaseKind.Submission, comments: true), Phase(PhaseKind.Voting, comments: false), Phase(PhaseKind.Review, comments: true) };
        Assert.True(CampaignRules.CommentsOpen(Policy(CampaignState.Open, phases: phases)));
        Assert.False(CampaignRules.CommentsOpen(Policy(CampaignState.Voting, phases: phases)));
        Assert.True(CampaignRules.CommentsOpen(Policy(CampaignState.InReview, phases: phases)));
        Assert.False(CampaignRules.CommentsOpen(Policy(CampaignState.Closed, phases: phases)));
        Assert.False(CampaignRules.CommentsOpen(Policy(CampaignState.Draft, phases: phases)));
        Assert.False(CampaignRules.CanComment(Policy(CampaignState.Voting, phases: phases), Member));
    }

    [Fact]
    public void ShowVoteCounts_HiddenWhileVoting_ShownToManagersAndAfterwards()
    {
        var phases = new[] { Phase(PhaseKind.Submission), Phase(PhaseKind.Voting, counts: false), Phase(PhaseKind.Review) };
        Assert.False(CampaignRules.ShowVoteCounts(Policy(CampaignState.Voting, phases: phases), Member));
        Assert.True(CampaignRules.ShowVoteCounts(Policy(CampaignState.Voting, phases: phases), Manager));
        Assert.True(CampaignRules.ShowVoteCounts(Policy(CampaignState.InReview, phases: phases), Member));
        Assert.True(CampaignRules.ShowVoteCounts(Policy(CampaignState.Closed, phases: phases), Member));
    }

    [Theory]
    [InlineData(CampaignState.Draft, new[] { CampaignState.Open, CampaignState.Closed })]
    [InlineData(CampaignState.Open, new[] { CampaignState.Draft, CampaignState.Voting, CampaignState.Closed })]
    [InlineData(CampaignState.Voting, new[] { CampaignState.Open, CampaignState.InReview, CampaignState.Closed })]
    [InlineData(CampaignState.InReview, new[] { CampaignState.Voting, CampaignState.Closed })]
    [InlineData(CampaignState.Closed, new[] { CampaignState.InReview })]
    public void NextStates_OneStepEitherWayOrClose(CampaignState from, CampaignState[] expected) =>
        Assert.Equal(expected.Order(), CampaignRules.NextStates(from).Order());

    [Theory]
    [InlineData(CampaignState.Draft, CampaignState.Voting)]
    [InlineData(CampaignState.Draft, CampaignState.InReview)]
    [InlineData(CampaignState.Open, CampaignState.InReview)]
    [InlineData(CampaignState.Closed, CampaignState.Open)]
    [InlineData(CampaignState.Open, CampaignState.Open)]
    public void CanMoveTo_Jump_False(CampaignState from, CampaignState to) => Assert.False(CampaignRules.CanMoveTo(from, to));

    [Fact]
    public void ClosesOn_CurrentPhaseEnd()
    {
        var phases = new[] { Phase(PhaseKind.Submission, to: Today), Phase(PhaseKind.Voting, to: Today.AddDays(9)), Phase(PhaseKind.Review, enabled: false, to: Today) };
        Assert.Equal(Today, CampaignRules.ClosesOn(Policy(CampaignState.Open, phases: phases)));
        Assert.Equal(Today.AddDays(9), CampaignRules.ClosesOn(Policy(CampaignState.Voting, phases: phases)));
        Assert.Null(CampaignRules.ClosesOn(Policy(CampaignState.InReview, phases: phases)));
        Assert.Null(CampaignRules.ClosesOn(Policy(CampaignState.Draft, phases: phases)));
    }

    [Theory]
    [InlineData("Shorter waits at discharge", "shorter-waits-at-discharge")]
    [InlineData("  Alta hospitalar: menos espera, mais saúde! ", "alta-hospitalar-menos-espera-mais-saude")]
    [InlineData("Bedre pasientforløp på Østlandet – 2026", "bedre-pasientforlop-pa-ostlandet-2026")]
    [InlineData("<script>alert('x')</script>", "script-alert-x-script")]
    [InlineData("😀 🏥", "")]
    public void Slugify_Title_AddressSafe(string title, string expected) => Assert.Equal(expected, SaveCampaign.Slugify(title));

    [Fact]
    public void Slugify_LongTitle_AtMost60WithoutTrailingHyphen()
    {
        var slug = SaveCampaign.Slugify(string.Join(' ', Enumerable.Repeat("innovation", 20)));
        Assert.True(slug.Length <= 60);
        Assert.False(slug.EndsWith('-'));
    }

    private static DateOnly? Parse(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
