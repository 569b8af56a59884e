using Agora.Web.Features.Notifications;

namespace Agora.Web.Features.Hackathons;

/// <summary>
/// The one place hackathons notify (kind Hackathon): the text shown is "Notification.Hackathon.{detail}" with {0} the
/// actor's name and {1} <paramref name="title"/>; <paramref name="path"/> is where the notification leads.
/// </summary>
internal static class HackathonNotices
{
    public const string Invited = "Invited";
    public const string InvitationAccepted = "InvitationAccepted";
    public const string InvitationDeclined = "InvitationDeclined";
    public const string JoinRequested = "JoinRequested";
    public const string JoinAccepted = "JoinAccepted";
    public const string JoinDeclined = "JoinDeclined";
    public const string JudgeAssigned = "JudgeAssigned";
    public const string ResultsPublished = "ResultsPublished";
    public const string Accelerated = "Accelerated";
    public const string BecameInitiative = "BecameInitiative";

    public static Task AddAsync(Notifier notifier, Guid hubId, Guid actor, string detail, string title, string path, IEnumerable<Guid> recipients, CancellationToken ct) =>
        notifier.AddAsync(new NotificationEvent(NotificationKind.Hackathon, hubId, ActorId: actor, Detail: detail, Title: title, Path: path), recipients, ct);
}
