using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Browser.Tests;

/// <summary>A Razor Page of the running app and the URL the scan visits for it.</summary>
public sealed record PageUrl(string Template, string? Url, string? Problem);

/// <summary>
/// Values for route parameters, by the route's leading literal segments ("network/requests", or just "network"; "*" =
/// any route) and parameter name: the longest prefix of the route that has a value wins.
/// </summary>
public sealed class RouteValueTable
{
    private readonly Dictionary<(string Area, string Parameter), string> values = new();

    public RouteValueTable Add(string prefix, string parameter, string value)
    {
        values[(prefix.ToLowerInvariant(), parameter.ToLowerInvariant())] = value;
        return this;
    }

    /// <summary>The value for a parameter of a route whose literal segments before it are <paramref name="literals"/>.</summary>
    public string? Find(IReadOnlyList<string> literals, string parameter)
    {
        var name = parameter.ToLowerInvariant();
        for (var n = literals.Count; n > 0; n--)
        {
            if (values.TryGetValue((string.Join('/', literals.Take(n)).ToLowerInvariant(), name), out var v)) return v;
        }
        return values.TryGetValue(("*", name), out var any) ? any : null;
    }
}

public static class PageRoutes
{
    /// <summary>Every Razor Page route template of the running app (from its endpoint data source).</summary>
    public static IReadOnlyList<RoutePattern> All(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<PageRouteMetadata>() is not null)
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText ?? "", StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p.RawText, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The URL for a template, or the problem (a parameter the table does not know).</summary>
    public static PageUrl Resolve(RoutePattern pattern, RouteValueTable table)
    {
        var template = "/" + (pattern.RawText ?? "").TrimStart('/');
        // The route's literal segments ("network", "requests" for /network/requests/{id}; "hubs", "events", "matchmaking"
        // for /hubs/{slug}/events/{eventId}/matchmaking): the longest prefix of them listed in the table gives the value.
        var literals = pattern.PathSegments
            .Where(s => s.Parts.All(p => p is RoutePatternLiteralPart))
            .Select(s => string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(p => p.Content)))
            .ToList();
        var url = new StringBuilder();
        var unknown = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = table.Find(literals, parameter.Name);
                        if (value is null) unknown.Add(parameter.Name);
                        else text.Append(Uri.EscapeDataString(value));
                        break;
                }
            }
            if (text.Length > 0) url.Append('/').Append(text);
        }
        if (unknown.Count > 0)
        {
            return new PageUrl(template, null,
                $"page {template} has route parameter(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))} that the scan's value table " +
                "(AccessibilityTests.RouteValues) does not know: add a value so the page is scanned");
        }
        return new PageUrl(template, url.Length == 0 ? "/" : url.ToString(), null);
    }
}
