using System.Security.Claims;
using Agora.Web.Platform.Data;

namespace Agora.Web.Platform.Audit;

/// <summary>Event codes; people see the translation "Audit.{code}".</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "account.signin.succeeded";
    public const string SignInFailed = "account.signin.failed";
    public const string SignInLockedOut = "account.signin.lockedout";
    public const string SignOut = "account.signout";
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email.confirmed";
    public const string PasswordResetRequested = "account.password.reset-requested";
    public const string PasswordReset = "account.password.reset";
    public const string PasswordChanged = "account.password.changed";
    public const string TwoFactorEnabled = "account.2fa.enabled";
    public const string TwoFactorDisabled = "account.2fa.disabled";
    public const string RecoveryCodesGenerated = "account.2fa.recovery-codes";
    public const string ProfileUpdated = "account.profile.updated";
    public const string SessionsRevoked = "account.sessions.revoked";
    public const string AccessEndedAfterCredentialChange = "account.access.ended";
    public const string TokenCreated = "account.token.created";
    public const string TokenRevoked = "account.token.revoked";
    public const string DataExported = "account.data.exported";
    public const string AccountErased = "account.erased";
    public const string HubCreated = "hub.created";
    public const string HubUpdated = "hub.updated";
    public const string HubJoined = "hub.joined";
    public const string JoinRequested = "hub.join.requested";
    public const string JoinApproved = "hub.join.approved";
    public const string JoinDeclined = "hub.join.declined";
    public const string MemberInvited = "hub.member.invited";
    public const string InvitationAccepted = "hub.invitation.accepted";
    public const string InvitationRevoked = "hub.invitation.revoked";
    public const string RolesChanged = "hub.member.roles-changed";
    public const string DefinedRoleCreated = "hub.role.created";
    public const string DefinedRoleChanged = "hub.role.changed";
    public const string DefinedRoleRetired = "hub.role.retired";
    public const string DefinedRoleGranted = "hub.member.defined-role-granted";
    public const string DefinedRoleRemoved = "hub.member.defined-role-removed";
    public const string MemberRemoved = "hub.member.removed";
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";
    public const string OrganisationMemberAdded = "organisation.member.added";
    public const string OrganisationMemberInvited = "organisation.member.invited";
    public const string OrganisationInvitationDeclined = "organisation.invitation.declined";
    public const string OrganisationMemberRemoved = "organisation.member.removed";
    public const string CampaignCreated = "campaign.created";
    public const string CampaignUpdated = "campaign.updated";
    public const string CampaignStateChanged = "campaign.state-changed";
    public const string CampaignFeatured = "campaign.featured";
    public const string CampaignUnfeatured = "campaign.unfeatured";
    public const string CampaignCoverChanged = "campaign.cover.changed";
    public const string CampaignCoverRemoved = "campaign.cover.removed";
    public const string IdeaPublished = "idea.published";
    public const string IdeaEdited = "idea.edited";
    public const string IdeaWithdrawn = "idea.withdrawn";
    public const string IdeaStateChanged = "idea.state-changed";
    public const string IdeaAttachmentAdded = "idea.attachment.added";
    public const string IdeaAttachmentRemoved = "idea.attachment.removed";
    public const string IdeaCoAuthorInvited = "idea.coauthor.invited";
    public const string IdeaCoAuthorAnswered = "idea.coauthor.answered";
    public const string CommentMarkedOfficial = "comment.official.marked";
    public const string CommentUnmarkedOfficial = "comment.official.unmarked";
    public const string ContentHidden = "moderation.hidden";
    public const string ContentRestored = "moderation.restored";
    public const string ReportsDismissed = "moderation.reports-dismissed";
    public const string PersonBlocked = "moderation.person-blocked";
    public const string PersonUnblocked = "moderation.person-unblocked";
    public const string IdeaMerged = "idea.merged";
    public const string IdeasExported = "campaign.ideas.exported";
    public const string IdeasImportStarted = "campaign.ideas.import-started";
    public const string IdeasImported = "campaign.ideas.imported";
    public const string IdeasImportFailed = "campaign.ideas.import-failed";
    public const string InitiativeCreated = "initiative.created";
    public const string InitiativeGateDecided = "initiative.gate-decided";
    public const string InitiativeEdited = "initiative.edited";
    public const string InitiativeBenefitAdded = "initiative.benefit-added";
    public const string InitiativeBenefitMeasured = "initiative.benefit-measured";
    public const string InitiativeDocumentAdded = "initiative.document-added";
    public const string InitiativeDocumentDownloaded = "initiative.document-downloaded";
    public const string InitiativeEvaluated = "initiative.evaluated";
    public const string InitiativeBudgetChanged = "initiative.budget-changed";
    public const string InitiativeRiskChanged = "initiative.risk-changed";
    public const string InitiativeTeamChanged = "initiative.team-changed";
    public const string InitiativePartnersChanged = "initiative.partners-changed";
    public const string InitiativeMilestonesChanged = "initiative.milestones-changed";
    public const string PortfolioSettingsChanged = "hub.portfolio-settings-changed";
    public const string RequestCreated = "request.created";
    public const string RequestSubmitted = "request.submitted";
    public const string RequestReturned = "request.returned";
    public const string RequestAccepted = "request.accepted";
    public const string RequestExtended = "request.extended";
    public const string RequestWithdrawn = "request.withdrawn";
    public const string RequestViewed = "request.viewed";
    public const string RequestFileAdded = "request.file-added";
    public const string RequestFileRemoved = "request.file-removed";
    public const string RequestFileDownloaded = "request.file-downloaded";
    public const string RequestReviewerAssigned = "request.reviewer-assigned";
    public const string RequestReviewSaved = "request.review-saved";
    public const string RequestReviewSignedOff = "request.review-signed-off";
    public const string RequestMessageWritten = "request.message-written";
    public const string RequestDecided = "request.decided";
    public const string RequestPermitChanged = "request.permit-changed";
    public const string RequestRegisterChanged = "hub.request-register-changed";
    public const string RequestLetterDownloaded = "request.letter-downloaded";
    public const string RequestTypeChanged = "hub.request-type-changed";
    public const string RequestReviewWithdrawn = "request.review-withdrawn";
    public const string MentorProfileSaved = "mentoring.profile-saved";
    public const string MentorProfileStopped = "mentoring.profile-stopped";
    public const string MentoringRequested = "mentoring.requested";
    public const string MentoringRequestWithdrawn = "mentoring.request-withdrawn";
    public const string MentoringPaired = "mentoring.paired";
    public const string MentoringSessionPlanned = "mentoring.session-planned";
    public const string MentoringSessionChanged = "mentoring.session-changed";
    public const string MentoringPairEnded = "mentoring.pair-ended";
    public const string MentoringFeedbackGiven = "mentoring.feedback-given";
    public const string EventCreated = "event.created";
    public const string EventChanged = "event.changed";
    public const string EventPublished = "event.published";
    public const string EventCancelled = "event.cancelled";
    public const string EventOrganisersChanged = "event.organisers-changed";
    public const string EventAgendaChanged = "event.agenda-changed";
    public const string EventTicketsChanged = "event.tickets-changed";
    public const string EventRegistrationDecided = "event.registration-decided";
    public const string EventPromoted = "event.registration-promoted";
    public const string EventCheckedIn = "event.checked-in";
    public const string EventOutcomesChanged = "event.outcomes-changed";

    // Hackathons
    public const string HackathonChallengeSaved = "hackathon.challenge-saved";
    public const string HackathonJudgeAssigned = "hackathon.judge-assigned";
    public const string HackathonJudgeRemoved = "hackathon.judge-removed";
    public const string HackathonTeamCreated = "hackathon.team-created";
    public const string HackathonTeamMembership = "hackathon.team-membership";
    public const string HackathonSubmissionSaved = "hackathon.submission-saved";
    public const string HackathonScored = "hackathon.scored";
    public const string HackathonConflictDeclared = "hackathon.conflict-declared";
    public const string HackathonResultsPublished = "hackathon.results-published";
    public const string HackathonTeamAccelerated = "hackathon.team-accelerated";
    public const string HackathonAcceleratorChanged = "hackathon.accelerator-changed";
    public const string HackathonTeamBecameInitiative = "hackathon.team-became-initiative";
    public const string CallCreated = "call.created";
    public const string CallChanged = "call.changed";
    public const string CallOpened = "call.opened";
    public const string CallClosed = "call.closed";
    public const string CallFinished = "call.decided";
    public const string CallReviewersChanged = "call.reviewers-changed";
    public const string CallReviewerEnded = "call.reviewer-ended";
    public const string CallInvited = "call.invited";
    public const string CallInvitationAccepted = "call.invitation-accepted";
    public const string CallApplied = "call.applied";
    public const string CallWithdrawn = "call.withdrawn";
    public const string CallReviewed = "call.reviewed";
    public const string CallApplicationDecided = "call.application-decided";
    public const string CallDeclined = "call.declined";
    public const string CallMovedUp = "call.moved-up";
    public const string CallReserveMoved = "call.reserve-moved";
    // Hub network: profiles and front desk (issue 16).
    public const string NetworkProfileCreated = "network.profile.created";
    public const string NetworkProfileChanged = "network.profile.changed";
    public const string FrontDeskProposed = "network.front-desk.proposed";
    public const string FrontDeskAccepted = "network.front-desk.accepted";
    public const string FrontDeskRefused = "network.front-desk.refused";
    public const string FrontDeskChanged = "network.front-desk.changed";
    public const string FrontDeskSteppedDown = "network.front-desk.stepped-down";
    public const string FrontDeskRemoved = "network.front-desk.removed";
    public const string FrontDeskSeatEnded = "network.front-desk.seat-ended";
    // Network: the joint service catalogue.
    public const string CatalogueServiceCreated = "network.service.created";
    public const string CatalogueServiceChanged = "network.service.changed";
    public const string CataloguePublished = "network.service.published";
    public const string CatalogueWithdrawn = "network.service.withdrawn";

    // The hub network's customers, service requests, referrals and deliveries (Features/Network/Requests).
    public const string NetworkCustomerRegistered = "network.customer.registered";
    public const string NetworkCustomerUpdated = "network.customer.updated";
    public const string ServiceRequestSubmitted = "network.request.submitted";
    public const string ServiceRequestAccepted = "network.request.accepted";
    public const string ServiceRequestDeclined = "network.request.declined";
    public const string ServiceRequestReferred = "network.request.referred";
    public const string ServiceReferralAccepted = "network.request.referral-accepted";
    public const string ServiceReferralDeclined = "network.request.referral-declined";
    public const string ServiceRequestWithdrawn = "network.request.withdrawn";
    public const string ServiceDeliveryRecorded = "network.request.delivery-recorded";
    public const string ServiceFeedbackGiven = "network.request.feedback";
    public const string ServiceRequestOverdue = "network.request.overdue";
    // Network: harvest sources (Features/Network/Feed).
    public const string HarvestSourceAdded = "network.harvest-source.added";
    public const string HarvestSourceChanged = "network.harvest-source.changed";
    public const string HarvestSourceRemoved = "network.harvest-source.removed";

    // Digital maturity assessments (Features/Maturity).
    public const string MaturityAssessmentStarted = "maturity.assessment.started";
    public const string MaturityAssessmentSaved = "maturity.assessment.saved";
    public const string MaturityAssessmentSubmitted = "maturity.assessment.submitted";
    public const string MaturityAssessmentsExported = "maturity.assessments.exported";

    // Matchmaking sessions (Features/Matchmaking/Sessions).
    public const string MatchmakingSessionSetUp = "matchmaking.session.set-up";
    public const string MatchmakingJoined = "matchmaking.session.joined";
    public const string MatchmakingParticipationChanged = "matchmaking.session.participation-changed";
    public const string MatchmakingLeft = "matchmaking.session.left";
    public const string MatchmakingParticipationEnded = "matchmaking.session.participation-ended";
    public const string MatchmakingRequestSent = "matchmaking.request.sent";
    public const string MatchmakingRequestAccepted = "matchmaking.request.accepted";
    public const string MatchmakingRequestDeclined = "matchmaking.request.declined";
    public const string MatchmakingRequestWithdrawn = "matchmaking.request.withdrawn";
    public const string MatchmakingRequestExpired = "matchmaking.request.expired";
    public const string MatchmakingMeetingArranged = "matchmaking.meeting.arranged";
    public const string MatchmakingMeetingPlaced = "matchmaking.meeting.placed";
    public const string MatchmakingScheduleQueued = "matchmaking.schedule.queued";
    public const string MatchmakingScheduleSaved = "matchmaking.schedule.saved";
    public const string MatchmakingScheduleRejected = "matchmaking.schedule.rejected";
    public const string MatchmakingOutcomeRecorded = "matchmaking.meeting.outcome";
    // Partnering profiles (Features/Matchmaking/Profiles).
    public const string PartneringProfileCreated = "partnering.profile.created";
    public const string PartneringProfileUpdated = "partnering.profile.updated";
    public const string PartneringProfileSubmitted = "partnering.profile.submitted";
    public const string PartneringProfileApproved = "partnering.profile.approved";
    public const string PartneringProfileChangesRequested = "partnering.profile.changes-requested";
    public const string PartneringProfileRenewed = "partnering.profile.renewed";
    public const string PartneringProfileWithdrawn = "partnering.profile.withdrawn";
    public const string PartneringProfileExpired = "partnering.profile.expired";
    public const string PartneringInterestSent = "partnering.interest.sent";
    public const string PartneringInterestAccepted = "partnering.interest.accepted";
    public const string PartneringInterestDeclined = "partnering.interest.declined";
    public const string PartneringInterestWithdrawn = "partnering.interest.withdrawn";

    public static readonly string[] All = typeof(AuditActions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
}

/// <summary>Writes audit events with who, when and from where, taken from the request.</summary>
public sealed class AuditLog(AgoraDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    /// <summary>Adds the event to the unit of work; it is saved with the change it describes.</summary>
    public void Add(string action, Guid? hubId = null, string? subject = null, string? details = null, Guid? actorId = null, string? actorEmail = null)
    {
        var http = accessor.HttpContext;
        var user = http?.User;
        Guid? currentId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            Action = action,
            ActorId = actorId ?? currentId,
            ActorEmail = Cut(actorEmail ?? user?.FindFirstValue(ClaimTypes.Email) ?? user?.FindFirstValue(ClaimTypes.Name), 256),
            HubId = hubId,
            Subject = Cut(subject, 300),
            Details = Cut(details, 1000),
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Cut(http?.Request.Headers.UserAgent.ToString(), 300),
        });
    }

    /// <summary>Records an event on its own (sign-in attempts and the like).</summary>
    public async Task RecordAsync(string action, Guid? hubId = null, string? subject = null, string? details = null, Guid? actorId = null, string? actorEmail = null)
    {
        Add(action, hubId, subject, details, actorId, actorEmail);
        await db.SaveChangesAsync();
    }

    private static string? Cut(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
