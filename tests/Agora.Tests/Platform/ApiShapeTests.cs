using System.Net;
using System.Reflection;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>
/// Every /api/v1 endpoint has one shape (issue 14): a named static handler of its area's <c>&lt;Area&gt;Api</c> class,
/// declaring a TypedResults union so OpenAPI learns its answers from the types, and never an error without a body.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ApiShapeTests(AgoraApps apps)
{
    /// <summary>Typed results that answer an error with an empty body (or a non-problem body): errors are RFC 9457 problem details.</summary>
    private static readonly Type[] BareErrors =
    [
        typeof(NotFound), typeof(NotFound<>), typeof(BadRequest), typeof(BadRequest<>), typeof(Conflict), typeof(Conflict<>),
        typeof(UnprocessableEntity), typeof(UnprocessableEntity<>), typeof(StatusCodeHttpResult), typeof(UnauthorizedHttpResult),
    ];

    [Fact]
    public async Task Endpoints_EveryApiHandler_NamedInItsAreaApiWithTypedResults()
    {
        var app = await apps.GetAsync("Sqlite");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ApiMarker>() is not null).ToList();
        Assert.True(endpoints.Count > 150, $"only {endpoints.Count} API endpoints");
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.DisplayName ?? endpoint.RoutePattern.RawText;
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
            {
                failures.Add($"{name}: no handler method");
                continue;
            }
            var owner = handler.DeclaringType!;
            if (handler.Name.Contains('<') || owner.Name.Contains('<')) failures.Add($"{name}: a lambda, not a named handler");
            var area = owner.Namespace?.Split('.') is [.., "Features", var a] ? a : null;
            if (area is null || !owner.Name.EndsWith("Api", StringComparison.Ordinal))
                failures.Add($"{name}: mapped in {owner.FullName}, not in Features/<Area>/<Area>Api.cs");
            var answer = Unwrap(handler.ReturnType);
            if (!typeof(IResult).IsAssignableFrom(answer) || answer.IsInterface || answer == typeof(object))
            {
                failures.Add($"{name}: {owner.Name}.{handler.Name} returns {answer.Name}, not typed results");
                continue;
            }
            foreach (var leaf in Leaves(answer))
                if (BareErrors.Contains(leaf.IsGenericType ? leaf.GetGenericTypeDefinition() : leaf))
                    failures.Add($"{name}: {owner.Name}.{handler.Name} may answer {leaf.Name} without problem details");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, BothDatabases]
    public async Task NotFound_FromHandlers_IsProblemDetails(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        foreach (var path in new[]
        {
            "/api/v1/hubs/no-such-hub", "/api/v1/hubs/no-such-hub/logo", "/api/v1/hubs/no-such-hub/innovation-process",
            "/api/v1/ideas/99999999", "/api/v1/ideas/99999999/versions", "/api/v1/comments/99999999/versions", "/api/v1/organisations/no-such-org",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{path}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{path}: {response.Content.Headers.ContentType}");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    private static Type Unwrap(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;

    /// <summary>The result types a (possibly nested) Results&lt;...&gt; union can answer with.</summary>
    private static IEnumerable<Type> Leaves(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true
            ? type.GetGenericArguments().SelectMany(Leaves)
            : [type];
}
