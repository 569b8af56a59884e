using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Agora.Browser.Tests;

/// <summary>
/// axe-core run inside the page, answering only the violations. Deque.AxeCore.Playwright's RunAxe gives the same
/// verdicts but costs about twice as much: it runs axe in parts, then opens a new blank page (a browser context and
/// often a renderer process) to load axe a second time and merge the parts, and it copies every passed and
/// inapplicable node into .NET. Here the same rules run (axe.run's defaults, iframes included) once, and only the
/// violations come back.
/// </summary>
public static class Axe
{
    /// <summary>The axe-core bundled with Deque.AxeCore (the version its package pins).</summary>
    private static readonly Lazy<string> Source = new(() => "() => {" + new BundledAxeScriptProvider().GetScript() + "\n}");

    private const string RunScript = """
        async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          const selector = t => Array.isArray(t) ? t.map(selector).join(' >>> ') : String(t);
          return result.violations.map(v => ({
            id: v.id,
            impact: v.impact ?? null,
            help: v.help,
            nodes: v.nodes.map(n => selector(n.target)),
          }));
        }
        """;

    /// <summary>The axe violations of the page as it is now.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
            await page.EvaluateAsync(Source.Value);
        return await page.EvaluateAsync<Violation[]>(RunScript);
    }

    public sealed class Violation
    {
        public string Id { get; set; } = "";
        public string? Impact { get; set; }
        public string Help { get; set; } = "";
        public string[] Nodes { get; set; } = [];

        public override string ToString() => $"axe {Id} ({Impact ?? "no impact"}): {Help} — at {string.Join("; ", Nodes)}";
    }
}
