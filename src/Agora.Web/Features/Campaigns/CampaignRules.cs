namespace Agora.Web.Features.Campaigns;

/// <summary>The parts of a campaign the participation rules look at.</summary>
public sealed record CampaignPolicy(CampaignState State, CampaignAudience Audience, IReadOnlyList<CampaignPhase> Phases,
    int? IdeasPerPerson, int? VotesPerPerson)
{
    public static CampaignPolicy Of(Campaign c) => new(c.State, c.Audience, c.Phases, c.IdeasPerPerson, c.VotesPerPerson);

    public CampaignPhase? Phase(PhaseKind kind) => Phases.FirstOrDefault(p => p.Kind == kind);
}

/// <summary>
/// Who may read and take part in a campaign, and which actions its state and phases allow today.
/// One place for the rules, so pages, API and handlers agree; every handler checks them again.
/// </summary>
public static class CampaignRules
{
    public static bool CanRead(CampaignPolicy c, Viewer v)
    {
        if (v.CanManage) return true;
        if (c.State == CampaignState.Draft) return false;
        return c.Audience switch
        {
            CampaignAudience.Public => true,
            CampaignAudience.SignedIn => v.IsAuthenticated,
            CampaignAudience.HubMembers => v.IsMember,
            _ => false,
        };
    }

    /// <summary>Taking part (submitting, voting, commenting, following, reporting) needs a signed-in, unblocked person in the audience.</summary>
    public static bool CanParticipate(CampaignPolicy c, Viewer v) =>
        v.IsAuthenticated && !v.IsBlocked && c.State != CampaignState.Draft && CanRead(c, v)
        && (c.Audience != CampaignAudience.HubMembers || v.IsMember || v.IsManager);

    /// <summary>True when the phase is on and today lies within its dates (open-ended when a date is missing).</summary>
    public static bool IsRunning(CampaignPhase? phase, DateOnly today) =>
        phase is { Enabled: true }
        && (phase.StartsOn is null || phase.StartsOn <= today)
        && (phase.EndsOn is null || today <= phase.EndsOn);

    public static bool SubmissionOpen(CampaignPolicy c, DateOnly today) =>
        c.State == CampaignState.Open && IsRunning(c.Phase(PhaseKind.Submission), today);

    /// <summary>Voting runs while the campaign is open or voting and its voting phase is on and current.</summary>
    public static bool VotingOpen(CampaignPolicy c, DateOnly today) =>
        c.State is CampaignState.Open or CampaignState.Voting && IsRunning(c.Phase(PhaseKind.Voting), today);

    /// <summary>The phase that goes with the campaign's state: its settings apply now.</summary>
    public static CampaignPhase? CurrentPhase(CampaignPolicy c) => c.State switch
    {
        CampaignState.Open => c.Phase(PhaseKind.Submission),
        CampaignState.Voting => c.Phase(PhaseKind.Voting),
        CampaignState.InReview => c.Phase(PhaseKind.Review),
        _ => null,
    };

    public static bool CommentsOpen(CampaignPolicy c) =>
        c.State is not (CampaignState.Draft or CampaignState.Closed) && CurrentPhase(c)?.CommentsEnabled != false;

    /// <summary>Vote counts may be hidden while people vote (against herding); once voting is over they are shown.</summary>
    public static bool ShowVoteCounts(CampaignPolicy c, Viewer v) =>
        v.CanManage || c.State is CampaignState.InReview or CampaignState.Closed || CurrentPhase(c)?.ShowVoteCounts != false;

    public static bool CanSubmit(CampaignPolicy c, Viewer v, DateOnly today, int ideasAlready) =>
        CanParticipate(c, v) && SubmissionOpen(c, today) && (c.IdeasPerPerson is not { } max || ideasAlready < max);

    public static bool CanVote(CampaignPolicy c, Viewer v, DateOnly today) => CanParticipate(c, v) && VotingOpen(c, today);

    public static bool CanComment(CampaignPolicy c, Viewer v) => CanParticipate(c, v) && CommentsOpen(c);

    /// <summary>Following needs the same as taking part; it stays possible after the campaign closes (to hear what became of it).</summary>
    public static bool CanFollow(CampaignPolicy c, Viewer v) => CanParticipate(c, v);

    /// <summary>Configuring, changing state, featuring: hub managers of the campaign's hub and platform admins.</summary>
    public static bool CanManage(Viewer v) => v.CanManage;

    /// <summary>
    /// The states a manager may move a campaign to: one step forward or back along
    /// draft → open → voting → in review → closed, or straight to closed.
    /// </summary>
    public static IReadOnlyList<CampaignState> NextStates(CampaignState from)
    {
        var next = new List<CampaignState>(3);
        if (from > CampaignState.Draft) next.Add(from - 1);
        if (from < CampaignState.Closed) next.Add(from + 1);
        if (from < CampaignState.InReview) next.Add(CampaignState.Closed);
        return next;
    }

    public static bool CanMoveTo(CampaignState from, CampaignState to) => NextStates(from).Contains(to);

    /// <summary>The last day of the phase that runs now (the one that goes with the state), if it has one.</summary>
    public static DateOnly? ClosesOn(CampaignPolicy c) => CurrentPhase(c) is { Enabled: true, EndsOn: { } end } ? end : null;

    /// <summary>Today's date where Agora runs: phase dates are whole days, inclusive.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
