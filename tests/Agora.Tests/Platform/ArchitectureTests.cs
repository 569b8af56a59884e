using System.Reflection;
using System.Reflection.Emit;
using Agora.Web.Platform.Data;

namespace Agora.Tests.Platform;

/// <summary>
/// Features depend on Platform, and on another feature only one way: no cycle between feature folders, and Platform
/// references no feature. References are read from signatures, attributes and method bodies (IL), including the
/// compiled Razor views (attributed to the folder of their .cshtml).
/// </summary>
public sealed class ArchitectureTests
{
    private const string FeaturesPrefix = "Agora.Web.Features.";
    private const string PlatformPrefix = "Agora.Web.Platform.";

    /// <summary>
    /// Platform types that may still name features, and why: both compose every area. Anything else Platform needs from
    /// a feature it declares as a port the feature answers (a stale entry fails the test, so the list can only shrink).
    /// </summary>
    private static readonly Dictionary<string, string> PlatformExceptions = new(StringComparer.Ordinal)
    {
        ["Agora.Web.Platform.Data.AgoraDbContext"] = "the one unit of work maps every area's tables",
        ["Agora.Web.Platform.Demo"] = "demo content is written through every area's handlers",
    };

    private static readonly Assembly Web = typeof(AgoraDbContext).Assembly;

    [Fact]
    public void FeatureFolders_DependOnEachOther_WithoutCycles()
    {
        var graph = FeatureGraph();
        var edges = graph.ToDictionary(kv => kv.Key, kv => kv.Value.Keys.ToHashSet());
        var cycles = Cycles(edges);
        var onCycles = edges.Keys.Where(node => Reaches(edges, node, node)).Order().ToList();
        var lines = cycles.Select(c => string.Join(" -> ", c.Append(c[0])) + "\n" + string.Join("\n",
            c.Select((from, i) => (from, to: c[(i + 1) % c.Count]))
                .Select(e => $"    {e.from} -> {e.to}: {string.Join(", ", graph[e.from][e.to].Take(6))}")));
        Assert.True(cycles.Count == 0 && onCycles.Count == 0, $"Folders on a cycle: {string.Join(", ", onCycles)}\n" + "Cycles between feature folders:\n" + string.Join("\n", lines));
    }

    [Fact]
    public void Platform_ReferencesNoFeature()
    {
        var offences = new List<string>();
        var excused = new HashSet<string>();
        foreach (var type in Web.GetTypes())
        {
            var owner = Outermost(type);
            var name = owner.FullName ?? owner.Name;
            if (!name.StartsWith(PlatformPrefix, StringComparison.Ordinal)) continue;
            var exception = PlatformExceptions.Keys.FirstOrDefault(root => name == root || name.StartsWith(root + ".", StringComparison.Ordinal));
            foreach (var used in ReferencedTypes(type))
                if (Area(used) is { Length: > 0 } area)
                {
                    if (exception is null) offences.Add($"{name} -> {Outermost(used).FullName} ({area})");
                    else excused.Add(exception);
                }
        }
        var stale = PlatformExceptions.Keys.Except(excused).ToList();
        Assert.True(stale.Count == 0, "Platform exceptions that no longer reference a feature (remove them from the list): " + string.Join(", ", stale));
        Assert.True(offences.Count == 0, "Platform references features:\n" + string.Join("\n", offences.Distinct().Order()));
    }

    /// <summary>Feature folder → feature folder it references → a few of the referencing pairs, for the message.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, SortedSet<string>>>();
        foreach (var type in Web.GetTypes())
        {
            if (Area(type) is not { Length: > 0 } from) continue;
            if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = [];
            foreach (var used in ReferencedTypes(type))
            {
                if (Area(used) is not { Length: > 0 } to || to == from) continue;
                if (!edges.TryGetValue(to, out var why)) edges[to] = why = [];
                why.Add($"{Describe(type)} uses {Outermost(used).Name}");
            }
        }
        return graph;
    }

    private static string Describe(Type type)
    {
        var owner = Outermost(type);
        return RazorPath(owner) ?? owner.Name;
    }

    /// <summary>The feature folder a type belongs to; "" for Platform or anything else; null outside this app.</summary>
    private static string? Area(Type type)
    {
        var owner = Outermost(type);
        if (owner.Assembly != Web) return null;
        var path = RazorPath(owner);
        if (path is not null)
            return path.StartsWith("/Features/", StringComparison.Ordinal) ? path.Split('/')[2] : "";
        var name = owner.FullName ?? "";
        return name.StartsWith(FeaturesPrefix, StringComparison.Ordinal) ? name[FeaturesPrefix.Length..].Split('.')[0] : "";
    }

    /// <summary>The .cshtml a compiled Razor view came from, e.g. "/Features/Hubs/Pages/Hub.cshtml".</summary>
    private static string? RazorPath(Type type)
    {
        if (type.Namespace != "AspNetCoreGeneratedDocument") return null;
        var identifier = type.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType.Name == "RazorSourceChecksumAttribute" || a.AttributeType.Name == "RazorCompiledItemMetadataAttribute")
            ?.ConstructorArguments.Select(a => a.Value as string).LastOrDefault(v => v?.StartsWith('/') == true);
        // Fallback: the generated class name is the path with '/' and '.' replaced by '_'.
        return identifier ?? "/" + type.Name.Replace('_', '/');
    }

    private static Type Outermost(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        return type;
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static |
                                 BindingFlags.DeclaredOnly;
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (!found.Add(t)) return;
            if (t.IsGenericType) foreach (var arg in t.GetGenericArguments()) Add(arg);
        }
        void Attributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                    if (arg.Value is Type t) Add(t);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        Attributes(type.GetCustomAttributesData());
        foreach (var f in type.GetFields(all)) { Add(f.FieldType); Attributes(f.GetCustomAttributesData()); }
        foreach (var p in type.GetProperties(all)) { Add(p.PropertyType); Attributes(p.GetCustomAttributesData()); }
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            Attributes(method.GetCustomAttributesData());
            if (method is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in method.GetParameters()) { Add(p.ParameterType); Attributes(p.GetCustomAttributesData()); }
            foreach (var t in BodyReferences(method)) Add(t);
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Types a method body names: the types of the members it calls, reads and creates, casts and typeofs.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { yield break; }
        if (il is null) yield break;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE) { op = OpCodesByValue[(short)(0xFE00 | il[i + 1])]; i += 2; }
            else { op = OpCodesByValue[il[i]]; i += 1; }
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException) { }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                        case MethodBase mb:
                            yield return mb.DeclaringType!;
                            if (mb is MethodInfo called)
                            {
                                yield return called.ReturnType;
                                if (called.IsGenericMethod) foreach (var a in called.GetGenericArguments()) yield return a;
                            }
                            foreach (var p in mb.GetParameters()) yield return p.ParameterType;
                            break;
                    }
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * count;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                default: i += 4; break;
            }
        }
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(graph.GetValueOrDefault(from, []));
        while (stack.TryPop(out var node))
        {
            if (node == to) return true;
            if (seen.Add(node)) foreach (var next in graph.GetValueOrDefault(node, [])) stack.Push(next);
        }
        return false;
    }

    /// <summary>Every elementary cycle's nodes (one rotation each), found by a depth-first search from each node.</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>();
        var nodes = graph.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var start in nodes)
        {
            var path = new List<string> { start };
            void Walk(string node)
            {
                foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                {
                    if (next == start)
                    {
                        // Report each cycle once, from its smallest node.
                        if (path.Min(StringComparer.Ordinal) == start && seen.Add(string.Join(">", path))) cycles.Add([.. path]);
                    }
                    else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0 && path.Count < 8)
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
            Walk(start);
        }
        return cycles;
    }
}
