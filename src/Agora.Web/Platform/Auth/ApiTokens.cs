using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Auth;

public sealed record TokenRow(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active);

public sealed record CreateTokenInput(string? Name, List<string>? Scopes, int? ExpiresInDays);

/// <summary>The token itself, shown once; only its hash is kept.</summary>
public sealed record CreatedToken(Guid Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>Personal access tokens: created by their owner, shown once, stored hashed, scoped, expiring, revocable.</summary>
public sealed class ApiTokens(AgoraDbContext db, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock)
{
    public static readonly int[] Lifetimes = [7, 30, 90, 365];
    public const int MaxActivePerUser = 20;

    public async Task<IReadOnlyList<TokenRow>> ListAsync(CancellationToken ct)
    {
        var id = current.RequiredId;
        var now = clock.GetUtcNow();
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return rows.Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.IsActive(now))).ToList();
    }

    public async Task<Result<CreatedToken>> CreateAsync(CreateTokenInput input, CancellationToken ct)
    {
        // A token cannot mint tokens: creating one needs the browser session.
        if (current.Principal.HasClaim(c => c.Type == AgoraClaims.TokenId)) return Result<CreatedToken>.Forbidden();
        var userId = current.RequiredId;
        var name = v.Text("name", input.Name, 80);
        var scopes = (input.Scopes ?? []).Distinct().ToList();
        if (scopes.Count == 0) v.Add("scopes", "Accounts.TokenScopesRequired");
        else if (scopes.Any(s => !ApiScopes.All.Contains(s))) v.Add("scopes", "Validation.Invalid");
        if (input.ExpiresInDays is not { } days || !Lifetimes.Contains(days)) v.Add("expiresInDays", "Validation.Invalid");
        var now = clock.GetUtcNow();
        if (v.IsValid && await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, ct) >= MaxActivePerUser)
            v.Add("name", "Accounts.TooManyTokens", MaxActivePerUser);
        if (!v.IsValid) return Result<CreatedToken>.Invalid(v.Errors);

        var secret = ApiTokenAuthenticationHandler.NewToken();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = name, Prefix = secret[..12],
            Hash = ApiTokenAuthenticationHandler.Hash(secret), Scopes = string.Join(' ', scopes.Order()),
            CreatedAt = now, ExpiresAt = now.AddDays(input.ExpiresInDays!.Value),
        };
        db.ApiTokens.Add(token);
        audit.Add(AuditActions.TokenCreated, subject: name, details: token.Scopes);
        await db.SaveChangesAsync(ct);
        return Result<CreatedToken>.Ok(new CreatedToken(token.Id, secret, token.ExpiresAt));
    }

    public async Task<Result<bool>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var userId = current.RequiredId;
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null) return Result<bool>.NotFound();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Add(AuditActions.TokenRevoked, subject: token.Name);
            await db.SaveChangesAsync(ct);
        }
        return Result<bool>.Ok(true);
    }
}
