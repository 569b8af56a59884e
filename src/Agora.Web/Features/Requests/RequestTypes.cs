using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record RequestTypeView(Guid Id, string Key, RequestKind Kind, string Name, string Description, int DecisionMonths,
    IReadOnlyList<ReviewRole> SignOffs, bool Active, bool SeparateDecider);

/// <summary>A hub's kinds of request: the four built-in ones, created the first time the hub needs them, and its own.</summary>
public sealed class RequestTypes(AgoraDbContext db, TimeProvider clock)
{
    public static readonly (RequestKind Kind, string Key)[] BuiltIn =
    [
        (RequestKind.ResearchParticipation, "research-participation"),
        (RequestKind.InnovationParticipation, "innovation-participation"),
        (RequestKind.HealthDataAccess, "health-data-access"),
        (RequestKind.SandboxTest, "sandbox-test"),
    ];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public static IReadOnlyList<ReviewRole> SignOffs(RequestType t) => t.SignOffs
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(r => Enum.TryParse<ReviewRole>(r, out var role) ? role : (ReviewRole?)null).OfType<ReviewRole>().ToList();

    public static RequestTypeView View(RequestType t) => new(t.Id, t.Key, t.Kind,
        new LocalText(t.NameEn, t.NamePt, t.NameNb).In(Culture), new LocalText(t.DescriptionEn, t.DescriptionPt, t.DescriptionNb).In(Culture),
        t.DecisionMonths, SignOffs(t), t.Active, t.SeparateDecider);

    public static RequestType Create(Guid hubId, RequestKind kind, string key, int position, DateTimeOffset now)
    {
        var name = BuiltInForms.Name(kind);
        var description = BuiltInForms.Description(kind);
        return new RequestType
        {
            Id = Guid.NewGuid(), HubId = hubId, Key = key, Kind = kind, Position = position,
            NameEn = name.En, NamePt = name.Pt, NameNb = name.Nb,
            DescriptionEn = description.En, DescriptionPt = description.Pt, DescriptionNb = description.Nb,
            FormJson = RequestAnswers.WriteForm(BuiltInForms.For(kind)), DecisionMonths = BuiltInForms.DecisionMonths(kind),
            SignOffs = string.Join(',', BuiltInForms.RequiredSignOffs(kind)), SeparateDecider = BuiltInForms.SeparateDecider(kind), CreatedAt = now,
        };
    }

    /// <summary>The hub's kinds of request in order; the built-in ones are created when the hub has none yet.</summary>
    public Task<List<RequestType>> ForHubAsync(Guid hubId, CancellationToken ct) =>
        db.ExistingOrCreatedAsync(db.RequestTypes.Where(t => t.HubId == hubId).OrderBy(t => t.Position),
            () => BuiltIn.Select((b, i) => Create(hubId, b.Kind, b.Key, i + 1, clock.GetUtcNow())).ToList(), ct);

    public async Task<IReadOnlyList<RequestTypeView>?> ListAsync(string hubSlug, CancellationToken ct) =>
        await db.HubIdAsync(hubSlug, ct) is { } hub ? (await ForHubAsync(hub, ct)).Where(t => t.Active).Select(View).ToList() : null;
}
