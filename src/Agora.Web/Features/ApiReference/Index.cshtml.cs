using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace Agora.Web.Features.ApiReference;

public sealed record ApiParameter(string Name, string In, string Type, bool Required);

public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, string? Body, IReadOnlyList<string> Responses);

public sealed record ApiGroup(string Tag, string Anchor, IReadOnlyList<ApiOperation> Operations);

/// <summary>A browsable, server-rendered reference built from the same OpenAPI document clients get.</summary>
[AllowAnonymous]
public sealed class IndexModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public IReadOnlyList<ApiGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var doc = await documents.GetOpenApiDocumentAsync(ct);
        var ops = new List<(string Tag, ApiOperation Op)>();
        foreach (var (path, item) in doc.Paths)
        {
            foreach (var (method, op) in item.Operations ?? [])
            {
                var tag = op.Tags?.FirstOrDefault()?.Name ?? "API";
                var parameters = (op.Parameters ?? []).Select(p => new ApiParameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "",
                    p.Schema?.Type?.ToString().ToLowerInvariant() ?? "", p.Required)).ToList();
                var body = op.RequestBody?.Content?.Keys.FirstOrDefault();
                var responses = (op.Responses ?? []).Keys.Order(StringComparer.Ordinal).ToList();
                ops.Add((tag, new ApiOperation(method.Method, path, op.Summary, op.Description, parameters, body, responses)));
            }
        }
        Groups = ops.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ApiGroup(g.Key, g.Key.ToLowerInvariant().Replace(' ', '-'),
                g.Select(o => o.Op).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
