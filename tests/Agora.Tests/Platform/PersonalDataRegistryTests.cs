using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>One registration point for personal data: a table holding a person's id that no source exports and erases fails here.</summary>
[Collection(AppsCollection.Name)]
public sealed class PersonalDataRegistryTests(AgoraApps apps)
{
    /// <summary>How a column that holds a person's id is named when it has no foreign key to the account.</summary>
    private static readonly string[] PersonIdSuffixes =
        ["UserId", "ById", "AuthorId", "ApplicantId", "ReviewerId", "OwnerId", "EvaluatorId", "ActorId", "MemberId", "PersonId"];

    [Fact]
    public async Task EveryEntityWithAPersonsId_IsExportedAndErasedBySomeSource()
    {
        var app = await apps.GetAsync("Sqlite");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var covered = scope.ServiceProvider.GetServices<IPersonalData>().SelectMany(s => s.Covers).ToHashSet();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var byForeignKey = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(AgoraUser))
                .SelectMany(fk => fk.Properties).Select(p => p.Name);
            var byName = entity.GetProperties()
                .Where(p => (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)) && PersonIdSuffixes.Any(s => p.Name.EndsWith(s, StringComparison.Ordinal)))
                .Select(p => p.Name);
            var personIds = byForeignKey.Concat(byName).Distinct().ToList();
            if (entity.ClrType == typeof(AgoraUser)) personIds.Add("Id");
            if (personIds.Count > 0 && !covered.Contains(entity.ClrType))
                missing.Add($"{entity.ClrType.FullName} ({string.Join(", ", personIds)})");
        }
        Assert.True(missing.Count == 0, "Entities holding a person's id that no IPersonalData source covers:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task EverySource_HasAUniqueSectionAndCoversSomething()
    {
        var app = await apps.GetAsync("Sqlite");
        using var scope = app.Services.CreateScope();
        var sources = scope.ServiceProvider.GetServices<IPersonalData>().ToList();
        Assert.Equal(sources.Count, sources.Select(s => s.Section).Distinct().Count());
        Assert.All(sources, s => Assert.NotEmpty(s.Covers));
        // Each entity is erased by exactly one source, so two sources never fight over the same rows.
        var twice = sources.SelectMany(s => s.Covers).GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key.Name).ToList();
        Assert.True(twice.Count == 0, "Covered twice: " + string.Join(", ", twice));
    }
}
