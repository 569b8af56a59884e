using Agora.Web.Features.Campaigns;

namespace Agora.Web.Features.Moderation;

public static class ModerationRules
{
    public const int MaxReasonLength = 1000;

    /// <summary>Anyone signed in who may read the content and is not blocked may report it.</summary>
    public static bool CanReport(Viewer viewer) => viewer.IsAuthenticated && !viewer.IsBlocked;

    /// <summary>Facilitators and hub managers work the queue, hide and restore.</summary>
    public static bool CanModerate(Viewer viewer) => viewer.CanModerate;

    /// <summary>Blocking a person from a hub is for hub managers.</summary>
    public static bool CanBlock(Viewer viewer) => viewer.CanManage;
}
