using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Agora.Web.Platform.Data;

public sealed class AgoraDbContext(DbContextOptions<AgoraDbContext> options)
    : IdentityDbContext<AgoraUser, IdentityRole<Guid>, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, antiforgery, reset links), shared by every instance.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    /// <summary>Background work shared by every instance (Platform/Jobs).</summary>
    public DbSet<Jobs.BackgroundJob> BackgroundJobs => Set<Jobs.BackgroundJob>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Hub> Hubs => Set<Hub>();
    public DbSet<HubText> HubTexts => Set<HubText>();
    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();
    public DbSet<HubFocusArea> HubFocusAreas => Set<HubFocusArea>();
    public DbSet<HubMembership> HubMemberships => Set<HubMembership>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<HubInvitation> HubInvitations => Set<HubInvitation>();
    public DbSet<HubDefinedRole> HubDefinedRoles => Set<HubDefinedRole>();
    public DbSet<HubRoleHolder> HubRoleHolders => Set<HubRoleHolder>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignPhase> CampaignPhases => Set<CampaignPhase>();
    public DbSet<CampaignQuestion> CampaignQuestions => Set<CampaignQuestion>();
    public DbSet<CampaignFocusArea> CampaignFocusAreas => Set<CampaignFocusArea>();
    public DbSet<CampaignFollower> CampaignFollowers => Set<CampaignFollower>();
    public DbSet<CampaignVoteBudget> CampaignVoteBudgets => Set<CampaignVoteBudget>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaVersion> IdeaVersions => Set<IdeaVersion>();
    public DbSet<IdeaTag> IdeaTags => Set<IdeaTag>();
    public DbSet<IdeaAnswer> IdeaAnswers => Set<IdeaAnswer>();
    public DbSet<IdeaCoAuthor> IdeaCoAuthors => Set<IdeaCoAuthor>();
    public DbSet<IdeaCoAuthorInvitation> IdeaCoAuthorInvitations => Set<IdeaCoAuthorInvitation>();
    public DbSet<IdeaAttachment> IdeaAttachments => Set<IdeaAttachment>();
    public DbSet<IdeaEvent> IdeaEvents => Set<IdeaEvent>();
    public DbSet<IdeaFollower> IdeaFollowers => Set<IdeaFollower>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentVersion> CommentVersions => Set<CommentVersion>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<HubBlock> HubBlocks => Set<HubBlock>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<Features.Transfer.IdeaImportJob> IdeaImportJobs => Set<Features.Transfer.IdeaImportJob>();
    public DbSet<Features.Transfer.IdeaImportError> IdeaImportErrors => Set<Features.Transfer.IdeaImportError>();
    public DbSet<Features.Initiatives.InnovationStage> InnovationStages => Set<Features.Initiatives.InnovationStage>();
    public DbSet<Features.Initiatives.Initiative> Initiatives => Set<Features.Initiatives.Initiative>();
    public DbSet<Features.Initiatives.InitiativeIdea> InitiativeIdeas => Set<Features.Initiatives.InitiativeIdea>();
    public DbSet<Features.Initiatives.InitiativeMember> InitiativeMembers => Set<Features.Initiatives.InitiativeMember>();
    public DbSet<Features.Initiatives.GateDecision> GateDecisions => Set<Features.Initiatives.GateDecision>();
    public DbSet<Features.Initiatives.InitiativeDocument> InitiativeDocuments => Set<Features.Initiatives.InitiativeDocument>();
    public DbSet<Features.Initiatives.EffectGoal> EffectGoals => Set<Features.Initiatives.EffectGoal>();
    public DbSet<Features.Initiatives.Benefit> Benefits => Set<Features.Initiatives.Benefit>();
    public DbSet<Features.Initiatives.BenefitMeasurement> BenefitMeasurements => Set<Features.Initiatives.BenefitMeasurement>();
    public DbSet<Features.Initiatives.EvaluationCriterion> EvaluationCriteria => Set<Features.Initiatives.EvaluationCriterion>();
    public DbSet<Features.Initiatives.Evaluation> Evaluations => Set<Features.Initiatives.Evaluation>();
    public DbSet<Features.Initiatives.EvaluationScore> EvaluationScores => Set<Features.Initiatives.EvaluationScore>();
    public DbSet<Features.Initiatives.BudgetLine> BudgetLines => Set<Features.Initiatives.BudgetLine>();
    public DbSet<Features.Initiatives.InitiativeRisk> InitiativeRisks => Set<Features.Initiatives.InitiativeRisk>();
    public DbSet<Features.Initiatives.InitiativePartner> InitiativePartners => Set<Features.Initiatives.InitiativePartner>();
    public DbSet<Features.Initiatives.Milestone> Milestones => Set<Features.Initiatives.Milestone>();
    public DbSet<Features.Requests.RequestType> RequestTypes => Set<Features.Requests.RequestType>();
    public DbSet<Features.Requests.HubRequest> Requests => Set<Features.Requests.HubRequest>();
    public DbSet<Features.Requests.RequestEvent> RequestEvents => Set<Features.Requests.RequestEvent>();
    public DbSet<Features.Requests.RequestFile> RequestFiles => Set<Features.Requests.RequestFile>();
    public DbSet<Features.Requests.RequestReview> RequestReviews => Set<Features.Requests.RequestReview>();
    public DbSet<Features.Requests.RequestMessage> RequestMessages => Set<Features.Requests.RequestMessage>();
    public DbSet<Features.Requests.DataPermit> DataPermits => Set<Features.Requests.DataPermit>();
    public DbSet<Features.Mentoring.MentorProfile> MentorProfiles => Set<Features.Mentoring.MentorProfile>();
    public DbSet<Features.Mentoring.MentoringRequest> MentoringRequests => Set<Features.Mentoring.MentoringRequest>();
    public DbSet<Features.Mentoring.MentoringPair> MentoringPairs => Set<Features.Mentoring.MentoringPair>();
    public DbSet<Features.Mentoring.MentoringSession> MentoringSessions => Set<Features.Mentoring.MentoringSession>();
    public DbSet<Features.Mentoring.MentoringAction> MentoringActions => Set<Features.Mentoring.MentoringAction>();
    public DbSet<Features.Mentoring.MentoringFeedback> MentoringFeedback => Set<Features.Mentoring.MentoringFeedback>();
    public DbSet<Features.Hackathons.HackathonChallenge> HackathonChallenges => Set<Features.Hackathons.HackathonChallenge>();
    public DbSet<Features.Hackathons.HackathonCriterion> HackathonCriteria => Set<Features.Hackathons.HackathonCriterion>();
    public DbSet<Features.Hackathons.HackathonJudge> HackathonJudges => Set<Features.Hackathons.HackathonJudge>();
    public DbSet<Features.Hackathons.HackathonTeam> HackathonTeams => Set<Features.Hackathons.HackathonTeam>();
    public DbSet<Features.Hackathons.HackathonTeamMember> HackathonTeamMembers => Set<Features.Hackathons.HackathonTeamMember>();
    public DbSet<Features.Hackathons.HackathonSubmission> HackathonSubmissions => Set<Features.Hackathons.HackathonSubmission>();
    public DbSet<Features.Hackathons.HackathonSubmissionFile> HackathonSubmissionFiles => Set<Features.Hackathons.HackathonSubmissionFile>();
    public DbSet<Features.Hackathons.HackathonScore> HackathonScores => Set<Features.Hackathons.HackathonScore>();
    public DbSet<Features.Hackathons.HackathonConflict> HackathonConflicts => Set<Features.Hackathons.HackathonConflict>();
    public DbSet<Features.Hackathons.HackathonTeamMentor> HackathonTeamMentors => Set<Features.Hackathons.HackathonTeamMentor>();
    public DbSet<Features.Hackathons.HackathonMilestone> HackathonMilestones => Set<Features.Hackathons.HackathonMilestone>();
    public DbSet<Features.Hackathons.HackathonCheckIn> HackathonCheckIns => Set<Features.Hackathons.HackathonCheckIn>();
    public DbSet<Features.Events.Event> Events => Set<Features.Events.Event>();
    public DbSet<Features.Events.EventOrganiser> EventOrganisers => Set<Features.Events.EventOrganiser>();
    public DbSet<Features.Events.EventSession> EventSessions => Set<Features.Events.EventSession>();
    public DbSet<Features.Events.TicketType> TicketTypes => Set<Features.Events.TicketType>();
    public DbSet<Features.Events.RegistrationQuestion> RegistrationQuestions => Set<Features.Events.RegistrationQuestion>();
    public DbSet<Features.Events.Registration> Registrations => Set<Features.Events.Registration>();
    public DbSet<Features.Events.EventMaterial> EventMaterials => Set<Features.Events.EventMaterial>();
    public DbSet<Features.Events.CalendarFeed> CalendarFeeds => Set<Features.Events.CalendarFeed>();
    public DbSet<Features.Community.CommunityCall> CommunityCalls => Set<Features.Community.CommunityCall>();
    public DbSet<Features.Community.CallCriterion> CallCriteria => Set<Features.Community.CallCriterion>();
    public DbSet<Features.Community.CallQuestion> CallQuestions => Set<Features.Community.CallQuestion>();
    public DbSet<Features.Community.CallStage> CallStages => Set<Features.Community.CallStage>();
    public DbSet<Features.Community.CallReviewer> CallReviewers => Set<Features.Community.CallReviewer>();
    public DbSet<Features.Community.CallInvitation> CallInvitations => Set<Features.Community.CallInvitation>();
    public DbSet<Features.Community.CallApplication> CallApplications => Set<Features.Community.CallApplication>();
    public DbSet<Features.Community.CallAnswer> CallAnswers => Set<Features.Community.CallAnswer>();
    public DbSet<Features.Community.CallReview> CallReviews => Set<Features.Community.CallReview>();
    public DbSet<Features.Community.CallScore> CallScores => Set<Features.Community.CallScore>();
    public DbSet<Features.Network.HubNetworkProfile> HubNetworkProfiles => Set<Features.Network.HubNetworkProfile>();
    public DbSet<Features.Network.HubServedRegion> HubServedRegions => Set<Features.Network.HubServedRegion>();
    public DbSet<Features.Network.FrontDeskContact> FrontDeskContacts => Set<Features.Network.FrontDeskContact>();
    public DbSet<Features.Network.HubPartner> HubPartners => Set<Features.Network.HubPartner>();
    public DbSet<Features.Network.CatalogueService> CatalogueServices => Set<Features.Network.CatalogueService>();
    public DbSet<Features.Network.CatalogueServiceText> CatalogueServiceTexts => Set<Features.Network.CatalogueServiceText>();
    public DbSet<Features.Network.CatalogueServicePartner> CatalogueServicePartners => Set<Features.Network.CatalogueServicePartner>();
    public DbSet<Features.Network.CatalogueServiceVersion> CatalogueServiceVersions => Set<Features.Network.CatalogueServiceVersion>();
    public DbSet<Features.Network.NetworkCustomer> NetworkCustomers => Set<Features.Network.NetworkCustomer>();
    public DbSet<Features.Network.ServiceRequest> ServiceRequests => Set<Features.Network.ServiceRequest>();
    public DbSet<Features.Network.ServiceRequestStep> ServiceRequestSteps => Set<Features.Network.ServiceRequestStep>();
    public DbSet<Features.Network.ServiceReferral> ServiceReferrals => Set<Features.Network.ServiceReferral>();
    public DbSet<Features.Network.ServiceDelivery> ServiceDeliveries => Set<Features.Network.ServiceDelivery>();
    public DbSet<Features.Maturity.MaturityAssessment> MaturityAssessments => Set<Features.Maturity.MaturityAssessment>();
    public DbSet<Features.Matchmaking.Profiles.PartneringProfile> PartneringProfiles => Set<Features.Matchmaking.Profiles.PartneringProfile>();
    public DbSet<Features.Matchmaking.Profiles.ProfileReviewNote> ProfileReviewNotes => Set<Features.Matchmaking.Profiles.ProfileReviewNote>();
    public DbSet<Features.Matchmaking.Profiles.ExpressionOfInterest> ExpressionsOfInterest => Set<Features.Matchmaking.Profiles.ExpressionOfInterest>();
    public DbSet<Features.Matchmaking.Suggestions.MatchSuggestion> MatchSuggestions => Set<Features.Matchmaking.Suggestions.MatchSuggestion>();
    public DbSet<Features.Matchmaking.Suggestions.MatchSuggestionRun> MatchSuggestionRuns => Set<Features.Matchmaking.Suggestions.MatchSuggestionRun>();
    public DbSet<Features.Matchmaking.Suggestions.MatchFeedback> MatchFeedback => Set<Features.Matchmaking.Suggestions.MatchFeedback>();
    public DbSet<Features.Matchmaking.Sessions.MatchmakingSession> MatchmakingSessions => Set<Features.Matchmaking.Sessions.MatchmakingSession>();
    public DbSet<Features.Matchmaking.Sessions.SessionSlot> MatchmakingSlots => Set<Features.Matchmaking.Sessions.SessionSlot>();
    public DbSet<Features.Matchmaking.Sessions.SessionTable> MatchmakingTables => Set<Features.Matchmaking.Sessions.SessionTable>();
    public DbSet<Features.Matchmaking.Sessions.SessionParticipant> MatchmakingParticipants => Set<Features.Matchmaking.Sessions.SessionParticipant>();
    public DbSet<Features.Matchmaking.Sessions.ParticipantSlot> MatchmakingAvailability => Set<Features.Matchmaking.Sessions.ParticipantSlot>();
    public DbSet<Features.Matchmaking.Sessions.MeetingRequest> MeetingRequests => Set<Features.Matchmaking.Sessions.MeetingRequest>();
    public DbSet<Features.Matchmaking.Sessions.SessionMeeting> MatchmakingMeetings => Set<Features.Matchmaking.Sessions.SessionMeeting>();
    public DbSet<Features.Matchmaking.Sessions.MeetingBooking> MeetingBookings => Set<Features.Matchmaking.Sessions.MeetingBooking>();
    public DbSet<Features.Matchmaking.Sessions.MeetingOutcome> MeetingOutcomes => Set<Features.Matchmaking.Sessions.MeetingOutcome>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type: store instants as sortable integers so ORDER BY and
            // comparisons run in the database.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AgoraDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
    }
}
