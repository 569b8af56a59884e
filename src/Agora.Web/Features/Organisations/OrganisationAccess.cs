using Agora.Web.Platform.Auth;

namespace Agora.Web.Features.Organisations;

/// <summary>Who may do what with an organisation: one place for the rule the use cases and pages share.</summary>
public sealed class OrganisationAccess(OrganisationQueries queries, CurrentUser current)
{
    /// <summary>Editing the profile and managing members: an admin member, or a platform admin.</summary>
    public async Task<bool> CanManageAsync(Guid organisationId, CancellationToken ct)
    {
        if (current.Id is not { } userId || !current.IsAuthenticated) return false;
        return current.IsPlatformAdmin || await queries.MemberIsAdminAsync(organisationId, userId, ct) == true;
    }

    /// <summary>
    /// Members' email addresses: only those who manage the people (the organisation's admins and platform admins),
    /// as for hubs; a plain member sees names and roles.
    /// </summary>
    public Task<bool> CanSeeEmailsAsync(Guid organisationId, CancellationToken ct) => CanManageAsync(organisationId, ct);
}
