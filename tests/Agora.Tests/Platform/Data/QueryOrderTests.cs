using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform.Data;

/// <summary>
/// A page of rows without an order is a different page on every run (EF Core warning 10102). Under test that warning
/// is an error, so such a query fails the test that reaches it instead of being logged and forgotten.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class QueryOrderTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task RowLimit_WithoutOrderBy_Throws_WithOrderBy_Runs(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Hubs.Select(h => h.Id).Take(2).ToListAsync());
        Assert.Contains("RowLimitingOperationWithoutOrderByWarning", e.Message);
        Assert.NotEmpty(await db.Hubs.OrderBy(h => h.Slug).Select(h => h.Id).Take(2).ToListAsync());
    }
}
