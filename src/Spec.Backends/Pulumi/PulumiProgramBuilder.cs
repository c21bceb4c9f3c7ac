using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Pulumi;

/// <summary>
/// Translates the plan into a language-neutral <see cref="PulumiProgram"/> of AWS classic resources, keeping the
/// CloudFormation logical ids as Pulumi resource names.
/// <para>
/// Fallback: a resource whose type or properties have no classic mapping (VPC, RDS, CloudFront, custom
/// resources, <c>Condition</c>s, <c>Fn::If</c>, …) is not dropped: all such resources go into ONE
/// <c>aws:cloudformation:Stack</c> (<see cref="LeftoverStackName"/>) whose template holds them verbatim. References
/// from the stack to Pulumi resources become stack parameters; references from Pulumi resources to the stack read
/// its outputs. A Pulumi resource that would make a cycle with the stack moves into it too. Each fallback is reported
/// as a warning (<see cref="LeftoverDiagnosticId"/>).
/// </para>
/// <para>
/// <c>AWS::Lambda::Version</c> becomes <c>publish: true</c> on its function (AWS classic has no version resource);
/// references to it read the function's <c>qualifiedArn</c>/<c>version</c>. Function code is a <c>FileArchive</c>
/// of the packaged artifact instead of an object in the deployment bucket.
/// </para>
/// </summary>
public static partial class PulumiProgramBuilder
{
    public const string LeftoverStackName = "LeftoverResources";
    public const string LeftoverDiagnosticId = "SPEC-PULUMI-001";

    /// <summary>A mapped resource whose Pulumi form behaves differently from CloudFormation's, or read a value leniently.</summary>
    public const string MappingNoteDiagnosticId = "SPEC-PULUMI-003";

    public static PulumiProgram Build(PulumiSource source, DiagnosticBag diagnostics) =>
        new Translation(source).Run(diagnostics);

    private sealed class Translation(PulumiSource source)
    {
        private readonly Dictionary<string, JsonObject> _bodies = source.Resources.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _order = source.Resources.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _leftover = new(StringComparer.Ordinal); // id -> reason
        private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);          // version id -> function id
        private readonly HashSet<string> _publishing = new(StringComparer.Ordinal);                 // the function ids in _folded
        private readonly SortedDictionary<string, JsonNode> _stackOutputs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<MappingNote>> _notes = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _omitted = new(StringComparer.Ordinal); // id -> why the program does not need it
        private readonly string _stackName = $"{source.Service}-{source.Stage}";

        // The first artifact at each S3 key: looked up once per function.
        private readonly Dictionary<string, PulumiArtifact> _artifactsByKey = source.Artifacts
            .DistinctBy(a => a.S3Key, StringComparer.Ordinal).ToDictionary(a => a.S3Key, StringComparer.Ordinal);

        public PulumiProgram Run(DiagnosticBag diagnostics)
        {
            var converter = new ValueConverter(Resolve, _stackName);
            foreach (var (id, body) in source.Resources)
            {
                if (!ResourceMappings.ByCfnType.ContainsKey(Type(body)) && Type(body) != "AWS::Lambda::Version")
                {
                    _leftover[id] = "no AWS classic mapping for the type";
                }
            }

            foreach (var (id, reason) in ResourceMappings.Unmappable(source.Resources))
            {
                _leftover.TryAdd(id, reason);
            }

            Dictionary<string, List<PulumiResource>> translated;
            while (true)
            {
                FoldVersions();
                OmitCustomResourceProviders();
                translated = [];
                _stackOutputs.Clear();
                _notes.Clear();
                var changed = false;
                var deps = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                foreach (var (id, body) in source.Resources)
                {
                    if (_leftover.ContainsKey(id) || _folded.ContainsKey(id) || _omitted.ContainsKey(id))
                    {
                        continue;
                    }

                    _referenced.Clear();
                    _ = converter.TakeNotes();
                    var result = Translate(converter, id, body, out var reason);
                    if (result is null)
                    {
                        _leftover[id] = reason;
                        changed = true;
                        break;
                    }

                    translated[id] = result;
                    _notes[id] = converter.TakeNotes();
                    deps[id] = [.. _referenced, .. DependsOnIds(body)];
                }

                if (!changed)
                {
                    changed = BreakCycles(deps);
                }

                if (!changed)
                {
                    break;
                }
            }

            DependOnCompanions(translated);
            var program = new PulumiProgram
            {
                Project = source.Service,
                Description = source.Description.Length > 0 ? source.Description : $"Service {source.Service} (generated by spec)",
                Stage = source.Stage,
                Region = source.Region,
            };

            foreach (var (key, output) in source.Outputs)
            {
                var value = output is JsonObject o && o["Condition"] is null ? converter.Str(o["Value"]) : null;
                if (value is null && output is JsonObject raw && raw["Value"] is { } cfnValue)
                {
                    var outKey = "Output" + Sanitize(key);
                    _stackOutputs[outKey] = new JsonObject { ["Value"] = RewriteForStack(cfnValue.DeepClone()) };
                    if (raw["Condition"] is { } condition)
                    {
                        ((JsonObject)_stackOutputs[outKey])["Condition"] = condition.DeepClone();
                    }

                    value = new PulumiStackOutput(LeftoverStackName, outKey);
                }

                if (value is not null)
                {
                    program.Outputs.Add(new(key, value));
                }
            }

            // A companion several resources share (an event bus named by several events) is declared once: the first.
            var all = new List<PulumiResource>();
            var declared = new HashSet<(string Name, PulumiType Type)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            void Declare(PulumiResource r)
            {
                if (declared.Add((r.Name, r.Type)))
                {
                    all.Add(r);
                    names.Add(r.Name);
                }
            }

            foreach (var (id, _) in source.Resources)
            {
                if (translated.TryGetValue(id, out var rs))
                {
                    rs.ForEach(Declare);
                }
                else if (_leftover.ContainsKey(id) && !names.Contains(LeftoverStackName))
                {
                    Declare(LeftoverStack(converter));
                }
            }

            if (_stackOutputs.Count > 0 && !names.Contains(LeftoverStackName))
            {
                Declare(LeftoverStack(converter));
            }

            WaitForSourceParts(translated, all);
            program.Resources.AddRange(TopologicalOrder(all));
            foreach (var (v, f) in _folded)
            {
                program.Folded[v] = f;
            }

            foreach (var id in _leftover.Keys)
            {
                program.Leftovers.Add(id);
            }

            foreach (var (id, reason) in _omitted)
            {
                program.Omitted[id] = reason;
            }

            Report(diagnostics);
            return program;
        }

        /// <summary>
        /// The Lambda function behind the Framework's custom resources (<c>ServiceToken</c>) is not needed when every
        /// custom resource it serves has a classic mapping (<c>Custom::S3</c> → a bucket notification): it is left out,
        /// with what only it used (its role): nothing in the program would invoke it, and its code
        /// (<c>custom-resources.zip</c>) need not be packaged.
        /// </summary>
        private void OmitCustomResourceProviders()
        {
            _omitted.Clear();
            bool MappedCustom(string id) =>
                Type(_bodies[id]).StartsWith("Custom::", StringComparison.Ordinal) && !_leftover.ContainsKey(id) &&
                ResourceMappings.ByCfnType.ContainsKey(Type(_bodies[id]));

            if (!_bodies.Keys.Any(MappedCustom))
            {
                return; // no provider to leave out: the references need not be indexed
            }

            var referrers = _bodies.Keys.ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var (id, body) in source.Resources)
            {
                foreach (var target in References(body).Where(referrers.ContainsKey))
                {
                    referrers[target].Add(id);
                }
            }

            foreach (var target in References(source.Outputs).Where(referrers.ContainsKey))
            {
                referrers[target].Add(string.Empty); // an output: never left out
            }

            foreach (var (id, body) in source.Resources)
            {
                if (MappedCustom(id) && body["Properties"]?["ServiceToken"] is JsonObject { Count: 1 } token &&
                    token["Fn::GetAtt"] is JsonArray { Count: 2 } getAtt && ValueConverter.PlanText(getAtt[0]) is { } fn &&
                    referrers.TryGetValue(fn, out var users) && !_leftover.ContainsKey(fn) && users.All(u => u.Length > 0 && MappedCustom(u)))
                {
                    _omitted[fn] = $"it only serves custom resources that have a classic mapping ({string.Join(", ", users.Order(StringComparer.Ordinal))})";
                }
            }

            for (var changed = _omitted.Count > 0; changed;)
            {
                changed = false;
                foreach (var (id, users) in referrers)
                {
                    if (users.Count > 0 && !_omitted.ContainsKey(id) && !_leftover.ContainsKey(id) && users.All(_omitted.ContainsKey))
                    {
                        _omitted[id] = "only resources the program leaves out use it";
                        changed = true;
                    }
                }
            }
        }

        /// <summary>Logical ids a CloudFormation fragment refers to (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>DependsOn</c>).</summary>
        private static IEnumerable<string> References(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        if (k is "Ref" && ValueConverter.PlanText(v) is { } r)
                        {
                            yield return r;
                        }
                        else if (k is "Fn::GetAtt" && v is JsonArray { Count: > 0 } a && ValueConverter.PlanText(a[0]) is { } g)
                        {
                            yield return g;
                        }
                        else if (k is "Fn::GetAtt" && ValueConverter.PlanText(v) is { } dotted)
                        {
                            yield return dotted.Split('.')[0];
                        }
                        else if (k is "DependsOn")
                        {
                            foreach (var d in v is JsonArray deps ? deps.Select(ValueConverter.PlanText) : [ValueConverter.PlanText(v)])
                            {
                                if (d is not null)
                                {
                                    yield return d;
                                }
                            }
                        }
                        else if (k is "Fn::Sub" && (ValueConverter.PlanText(v) ?? ValueConverter.PlanText((v as JsonArray)?.FirstOrDefault())) is { } template)
                        {
                            foreach (Match m in SubReference().Matches(template))
                            {
                                yield return m.Groups["id"].Value;
                            }
                        }

                        foreach (var x in References(v))
                        {
                            yield return x;
                        }
                    }

                    break;
                case JsonArray arr:
                    foreach (var x in arr.SelectMany(References))
                    {
                        yield return x;
                    }

                    break;
            }
        }

        private void FoldVersions()
        {
            _folded.Clear();
            _publishing.Clear();
            foreach (var (id, body) in source.Resources)
            {
                if (Type(body) == "AWS::Lambda::Version" && !_leftover.ContainsKey(id) &&
                    body["Properties"] is JsonObject p && p["FunctionName"] is JsonObject { Count: 1 } r &&
                    ValueConverter.PlanText(r["Ref"]) is { } fn && _bodies.ContainsKey(fn) && !_leftover.ContainsKey(fn) &&
                    p.All(kv => kv.Key is "FunctionName" or "CodeSha256" or "Description"))
                {
                    _folded[id] = fn;
                    _publishing.Add(fn);
                }
            }
        }

        /// <summary>
        /// A CloudFormation <c>DependsOn</c> waits for the whole resource: in Pulumi also for the companions it became
        /// (a REST API deployment waits for its methods' integrations and responses, not only the methods).
        /// </summary>
        private static void DependOnCompanions(Dictionary<string, List<PulumiResource>> translated)
        {
            foreach (var resource in translated.Values.SelectMany(rs => rs))
            {
                foreach (var dep in resource.DependsOn.ToList())
                {
                    if (resource.SourceLogicalId != dep && translated.TryGetValue(dep, out var group) && group.Count > 1)
                    {
                        resource.DependsOn.UnionWith(group.Skip(1).Select(g => g.Name));
                    }
                }
            }
        }

        /// <summary>
        /// A resource that reads another waits, in CloudFormation, for all of it; in Pulumi also for the companions
        /// that complete its configuration (a bucket policy for the bucket's public access block).
        /// </summary>
        private static void WaitForSourceParts(Dictionary<string, List<PulumiResource>> translated, List<PulumiResource> all)
        {
            var parts = translated
                .Select(g => (Id: g.Key, Parts: g.Value.Where(r => r.PartOfSource).Select(r => r.Name).ToList()))
                .Where(g => g.Parts.Count > 0)
                .ToDictionary(g => g.Id, g => g.Parts, StringComparer.Ordinal);
            if (parts.Count == 0)
            {
                return;
            }

            foreach (var resource in all) // the leftover stack too: it reads Pulumi resources through its parameters
            {
                foreach (var dep in Dependencies(resource).Distinct(StringComparer.Ordinal).ToList())
                {
                    if (dep != resource.SourceLogicalId && parts.TryGetValue(dep, out var names))
                    {
                        resource.DependsOn.UnionWith(names);
                    }
                }
            }
        }

        private static string Type(JsonObject body) => ValueConverter.PlanText(body["Type"]) ?? string.Empty;

        private List<PulumiResource>? Translate(ValueConverter c, string id, JsonObject body, out string reason)
        {
            var type = Type(body);
            if (!ResourceMappings.ByCfnType.TryGetValue(type, out var map))
            {
                reason = "no AWS classic mapping for the type";
                return null;
            }

            foreach (var key in body.Select(kv => kv.Key))
            {
                if (key is not ("Type" or "Properties" or "DependsOn" or "DeletionPolicy" or "UpdateReplacePolicy" or "Metadata") &&
                    !(key == "Version" && type.StartsWith("Custom::", StringComparison.Ordinal))) // the Framework's custom resources carry one
                {
                    reason = $"'{key}' has no Pulumi equivalent";
                    return null;
                }
            }

            var resource = new PulumiResource(id, map.Type, id);
            var props = body["Properties"] as JsonObject ?? [];
            if (map.Inputs is not null)
            {
                if (map.Inputs(c, props) is not { } inputs)
                {
                    reason = "its properties use values Pulumi cannot express";
                    return null;
                }

                resource.Properties.AddRange(inputs);
            }

            foreach (var (key, value) in map.Inputs is null ? props : [])
            {
                if (map.CompanionProperties.Contains(key))
                {
                    continue;
                }

                var prop = map.Properties.FirstOrDefault(p => p.Cfn == key);
                if (prop is null)
                {
                    reason = $"property '{key}' is not mapped";
                    return null;
                }

                if (prop.Convert(c, value) is not { } entries)
                {
                    reason = $"property '{key}' uses a value Pulumi cannot express";
                    return null;
                }

                resource.Properties.AddRange(entries);
            }

            if (type == "AWS::Lambda::Function")
            {
                if (Code(props["Code"]) is not { } code)
                {
                    reason = "function code is neither an S3 artifact nor an image";
                    return null;
                }

                resource.Properties.Add(code);
                if (_publishing.Contains(id))
                {
                    resource.Properties.Add(new("publish", PulumiLiteral.Bool(true)));
                }
            }
            else if (type == "AWS::Lambda::LayerVersion")
            {
                if (Code(props["Content"]) is not { Value: PulumiArchive } content)
                {
                    reason = "layer content is not an S3 artifact";
                    return null;
                }

                resource.Properties.Add(content);
            }

            foreach (var dep in DependsOnIds(body).Where(d => !_omitted.ContainsKey(d)))
            {
                resource.DependsOn.Add(_leftover.ContainsKey(dep) ? LeftoverStackName : _folded.GetValueOrDefault(dep, dep));
            }

            resource.RetainOnDelete = ValueConverter.PlanText(body["DeletionPolicy"]) == "Retain";
            var result = new List<PulumiResource> { resource };
            if (map.Companions is not null)
            {
                if (map.Companions(c, id, props) is not { } companions)
                {
                    reason = $"a {string.Join("/", map.CompanionProperties)} entry is not mapped";
                    return null;
                }

                if (map.CompanionsWaitForDependsOn)
                {
                    foreach (var companion in companions)
                    {
                        companion.DependsOn.UnionWith(resource.DependsOn);
                    }
                }

                if (map.WaitsForCompanions)
                {
                    resource.DependsOn.UnionWith(companions.Select(x => x.Name));
                }

                result.AddRange(companions);
            }

            reason = string.Empty;
            return result;
        }

        private KeyValuePair<string, PulumiValue>? Code(JsonNode? code)
        {
            if (code is JsonObject o && ValueConverter.PlanText(o["ImageUri"]) is { } image && o.Count == 1)
            {
                return new("imageUri", PulumiLiteral.String(image));
            }

            if (code is not JsonObject s3 || ValueConverter.PlanText(s3["S3Key"]) is not { } key)
            {
                return null;
            }

            var artifact = _artifactsByKey.GetValueOrDefault(key);
            var path = artifact?.ExistingArtifactPath ??
                       $"{source.CodeRoot.TrimEnd('/')}/{Packaging.Packager.DefaultOutputDirectory}/{artifact?.ArtifactName ?? key[(key.LastIndexOf('/') + 1)..]}";
            return new("code", new PulumiArchive(path.Replace('\\', '/')));
        }

        private IEnumerable<string> DependsOnIds(JsonObject body) =>
            (body["DependsOn"] switch
            {
                JsonValue v => [ValueConverter.PlanText(v)],
                JsonArray a => a.Select(ValueConverter.PlanText),
                _ => [],
            }).OfType<string>().Where(_bodies.ContainsKey);

        /// <summary>What <c>Ref</c>/<c>Fn::GetAtt</c> of a plan resource is in the program.</summary>
        private PulumiValue? Resolve(string id, string? attribute)
        {
            if (_folded.TryGetValue(id, out var fn))
            {
                _referenced.Add(fn);
                return attribute switch
                {
                    null => new PulumiAttribute(fn, "qualifiedArn"),
                    "Version" => new PulumiAttribute(fn, "version"),
                    _ => null,
                };
            }

            if (!_bodies.TryGetValue(id, out var body))
            {
                return ParameterDefault(id, attribute);
            }

            if (_leftover.ContainsKey(id))
            {
                var key = "Out" + Sanitize(id) + Sanitize(attribute ?? "Ref");
                _stackOutputs[key] = new JsonObject
                {
                    ["Value"] = attribute is null
                        ? new JsonObject { ["Ref"] = id }
                        : new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, attribute) },
                };
                _referenced.Add(LeftoverStackName);
                return new PulumiStackOutput(LeftoverStackName, key);
            }

            if (!ResourceMappings.ByCfnType.TryGetValue(Type(body), out var map))
            {
                return null; // an unfolded version: its referrer moves to the stack with it
            }

            var attr = attribute is null ? map.RefAttribute : map.Attributes.GetValueOrDefault(attribute);
            if (attr is null)
            {
                return null;
            }

            _referenced.Add(id);
            return new PulumiAttribute(id, attr);
        }

        private PulumiValue? ParameterDefault(string id, string? attribute) =>
            attribute is null && source.ExtraSections["Parameters"]?[id]?["Default"] is JsonValue d
                ? PulumiLiteral.String(d.ToString())
                : null;

        /// <summary>Moves Pulumi resources that both feed the leftover stack and read from it into the stack.</summary>
        private bool BreakCycles(Dictionary<string, HashSet<string>> deps)
        {
            if (_leftover.Count == 0)
            {
                return false;
            }

            var stackDeps = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in _leftover.Keys)
            {
                CollectMappedReferences(_bodies[id], stackDeps);
                foreach (var d in DependsOnIds(_bodies[id]))
                {
                    stackDeps.Add(_folded.GetValueOrDefault(d, d));
                }
            }

            var fromStack = Reach(stackDeps, deps);
            var toStack = ReachingStack(deps);
            var moved = false;
            foreach (var m in fromStack)
            {
                if (toStack.Contains(m))
                {
                    _leftover[m] = "it depends on the leftover stack, which depends on it";
                    moved = true;
                }
            }

            return moved;
        }

        private static HashSet<string> Reach(IEnumerable<string> start, Dictionary<string, HashSet<string>> deps)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(start);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (seen.Add(n) && deps.TryGetValue(n, out var next))
                {
                    foreach (var x in next)
                    {
                        stack.Push(x);
                    }
                }
            }

            return seen;
        }

        /// <summary>The resources with a path of one or more dependencies to the leftover stack.</summary>
        private static HashSet<string> ReachingStack(Dictionary<string, HashSet<string>> deps)
        {
            var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (id, targets) in deps)
            {
                foreach (var target in targets)
                {
                    (dependents.TryGetValue(target, out var list) ? list : dependents[target] = []).Add(id);
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([LeftoverStackName]);
            while (stack.Count > 0)
            {
                foreach (var d in dependents.GetValueOrDefault(stack.Pop()) ?? [])
                {
                    if (seen.Add(d))
                    {
                        stack.Push(d);
                    }
                }
            }

            return seen;
        }

        private void CollectMappedReferences(JsonNode? node, HashSet<string> into)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        if (k == "Ref" && ValueConverter.PlanText(v) is { } r)
                        {
                            AddMapped(r, into);
                        }
                        else if (k == "Fn::GetAtt" && v is JsonArray { Count: > 0 } a && ValueConverter.PlanText(a[0]) is { } g)
                        {
                            AddMapped(g, into);
                        }
                        else if (k == "Fn::Sub")
                        {
                            var template = ValueConverter.PlanText(v) ?? ValueConverter.PlanText((v as JsonArray)?.FirstOrDefault());
                            foreach (Match m in SubReference().Matches(template ?? string.Empty))
                            {
                                AddMapped(m.Groups["id"].Value, into);
                            }
                        }

                        CollectMappedReferences(v, into);
                    }

                    break;
                case JsonArray arr:
                    foreach (var x in arr)
                    {
                        CollectMappedReferences(x, into);
                    }

                    break;
            }
        }

        private void AddMapped(string id, HashSet<string> into)
        {
            if (_bodies.ContainsKey(id) && !_leftover.ContainsKey(id))
            {
                into.Add(_folded.GetValueOrDefault(id, id));
            }
        }

        private readonly SortedDictionary<string, PulumiValue> _stackParameters = new(StringComparer.Ordinal);

        /// <summary>Rewrites references from a leftover resource to Pulumi resources into stack parameters.</summary>
        private JsonNode? RewriteForStack(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o.Count == 1 && o.First().Key == "Ref" && ValueConverter.PlanText(o["Ref"]) is { } r && IsMapped(r):
                    return new JsonObject { ["Ref"] = Parameter(r, null) };
                case JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray { Count: 2 } ga &&
                                       ValueConverter.PlanText(ga[0]) is { } g && IsMapped(g) && ValueConverter.PlanText(ga[1]) is { } attr:
                    return new JsonObject { ["Ref"] = Parameter(g, attr) };
                case JsonObject o when o.Count == 1 && o["Fn::Sub"] is { } sub:
                {
                    var rewritten = sub is JsonArray { Count: 2 } pair
                        ? new JsonArray(RewriteSub(ValueConverter.PlanText(pair[0])), RewriteForStack(pair[1]?.DeepClone()))
                        : (JsonNode?)RewriteSub(ValueConverter.PlanText(sub));
                    return new JsonObject { ["Fn::Sub"] = rewritten };
                }

                case JsonObject o:
                {
                    var copy = new JsonObject();
                    foreach (var (k, v) in o)
                    {
                        copy[k] = RewriteForStack(v?.DeepClone());
                    }

                    return copy;
                }

                case JsonArray a:
                    return new JsonArray([.. a.Select(x => RewriteForStack(x?.DeepClone()))]);
                default:
                    return node?.DeepClone();
            }
        }

        private string? RewriteSub(string? template) =>
            template is null
                ? null
                : SubReference().Replace(template, m =>
                {
                    var id = m.Groups["id"].Value;
                    var attr = m.Groups["attr"].Success ? m.Groups["attr"].Value : null;
                    return IsMapped(id) ? "${" + Parameter(id, attr) + "}" : m.Value;
                });

        private bool IsMapped(string id) => (_bodies.ContainsKey(id) && !_leftover.ContainsKey(id)) || _folded.ContainsKey(id);

        private string Parameter(string id, string? attribute)
        {
            var name = "Pulumi" + Sanitize(id) + Sanitize(attribute ?? "Ref");
            if (!_stackParameters.ContainsKey(name))
            {
                var converter = new ValueConverter(Resolve, _stackName);
                var value = attribute is null
                    ? converter.Str(new JsonObject { ["Ref"] = id })
                    : converter.Str(new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, attribute) });
                _stackParameters[name] = value ?? PulumiLiteral.String(string.Empty);
            }

            return name;
        }

        private PulumiResource LeftoverStack(ValueConverter c)
        {
            var resources = new JsonObject();
            foreach (var id in _leftover.Keys.OrderBy(id => _order[id]))
            {
                var body = (JsonObject)RewriteForStack(_bodies[id])!;
                if (body["DependsOn"] is { } dependsOn)
                {
                    var kept = (dependsOn is JsonArray a ? a.Select(ValueConverter.PlanText) : [ValueConverter.PlanText(dependsOn)])
                        .OfType<string>().Where(d => _leftover.ContainsKey(d)).ToList();
                    body.Remove("DependsOn");
                    if (kept.Count > 0)
                    {
                        body["DependsOn"] = PlanArray(kept);
                    }
                }

                resources[id] = body;
            }

            var template = new JsonObject
            {
                ["AWSTemplateFormatVersion"] = "2010-09-09",
                ["Description"] = $"Resources of {source.Service} ({source.Stage}) without an AWS classic mapping in the Pulumi program",
            };
            var parameters = source.ExtraSections["Parameters"]?.DeepClone() as JsonObject ?? [];
            foreach (var name in _stackParameters.Keys)
            {
                parameters[name] = new JsonObject { ["Type"] = "String" };
            }

            if (parameters.Count > 0)
            {
                template["Parameters"] = parameters;
            }

            foreach (var section in new[] { "Conditions", "Mappings" })
            {
                if (source.ExtraSections[section] is JsonObject s)
                {
                    template[section] = s.DeepClone();
                }
            }

            template["Resources"] = resources;
            if (_stackOutputs.Count > 0)
            {
                var outputs = new JsonObject();
                foreach (var (k, v) in _stackOutputs)
                {
                    outputs[k] = v.DeepClone();
                }

                template["Outputs"] = outputs;
            }

            var stack = new PulumiResource(LeftoverStackName, new("cloudformation", "Stack"), null)
            {
                Comment = "CloudFormation resources without an AWS classic mapping, deployed as one nested stack",
            };
            stack.Properties.Add(new("name", PulumiLiteral.String($"{_stackName}-leftovers")));
            stack.Properties.Add(new("templateBody", new PulumiJson(Literal(template))));
            if (_stackParameters.Count > 0)
            {
                stack.Properties.Add(new("parameters", new PulumiObject([.. _stackParameters], null)));
            }

            stack.Properties.Add(new("capabilities", new PulumiList(
                [PulumiLiteral.String("CAPABILITY_IAM"), PulumiLiteral.String("CAPABILITY_NAMED_IAM"), PulumiLiteral.String("CAPABILITY_AUTO_EXPAND")])));
            foreach (var id in _leftover.Keys)
            {
                foreach (var d in DependsOnIds(_bodies[id]).Where(d => !_leftover.ContainsKey(d)))
                {
                    stack.DependsOn.Add(_folded.GetValueOrDefault(d, d));
                }
            }

            _ = c;
            return stack;
        }

        private static JsonArray PlanArray(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

        /// <summary>A JSON tree as literal data (no intrinsic is interpreted).</summary>
        private static PulumiValue Literal(JsonNode? node) => node switch
        {
            JsonObject o => new PulumiObject([.. o.Select(kv => new KeyValuePair<string, PulumiValue>(kv.Key, Literal(kv.Value)))], null),
            JsonArray a => new PulumiList([.. a.Select(Literal)]),
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => PulumiLiteral.String(v.GetValue<string>()),
            JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False =>
                PulumiLiteral.Bool(v.GetValue<bool>()),
            JsonValue v => PulumiLiteral.Number(v.ToJsonString()),
            _ => new PulumiLiteral("null", PulumiLiteralKind.Null),
        };

        private void Report(DiagnosticBag diagnostics)
        {
            foreach (var (id, notes) in _notes.Where(n => !_leftover.ContainsKey(n.Key)).OrderBy(n => _order[n.Key]))
            {
                var span = source.Origins.TryGetValue(id, out var s) ? s : SourceSpan.At(source.SpecPath, 1, 1);
                foreach (var note in notes)
                {
                    diagnostics.Warning(MappingNoteDiagnosticId, note.Message, span, note.Help);
                }
            }

            foreach (var group in _leftover.GroupBy(kv => Type(_bodies[kv.Key])).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ids = group.Select(kv => kv.Key).ToList();
                var first = group.First();
                var span = source.Origins.TryGetValue(first.Key, out var s) ? s : SourceSpan.At(source.SpecPath, 1, 1);
                var list = ids.Count <= 5 ? string.Join(", ", ids) : string.Join(", ", ids.Take(5)) + $" and {ids.Count - 5} more";
                diagnostics.Warning(LeftoverDiagnosticId,
                    $"{ids.Count} {group.Key} resource(s) ({list}) cannot be written as AWS classic Pulumi resources ({first.Value}); " +
                    $"the Pulumi program deploys them through the CloudFormation stack resource '{LeftoverStackName}' (aws:cloudformation:Stack)",
                    span,
                    "nothing is dropped: the stack template holds them verbatim, wired to the Pulumi resources through parameters and outputs");
            }
        }
    }

    /// <summary>
    /// Each step places the first resource, in declaration order, whose dependencies are all placed (if none is,
    /// the first unplaced one: a cycle cannot arise from a valid plan).
    /// </summary>
    internal static List<PulumiResource> TopologicalOrder(List<PulumiResource> resources)
    {
        var index = resources.Select((r, i) => (r.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var unplacedDeps = new int[resources.Count];
        var dependents = resources.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            foreach (var d in Dependencies(r).Where(d => d != r.Name && index.ContainsKey(d)).Distinct(StringComparer.Ordinal))
            {
                dependents[index[d]].Add(i);
                unplacedDeps[i]++;
            }
        }

        var ready = new PriorityQueue<int, int>(Enumerable.Range(0, resources.Count).Where(i => unplacedDeps[i] == 0).Select(i => (i, i)));
        var placed = new bool[resources.Count];
        var firstUnplaced = 0;
        var order = new List<PulumiResource>(resources.Count);
        while (order.Count < resources.Count)
        {
            if (!ready.TryDequeue(out var next, out _))
            {
                while (placed[firstUnplaced])
                {
                    firstUnplaced++;
                }

                next = firstUnplaced;
            }

            placed[next] = true;
            order.Add(resources[next]);
            foreach (var j in dependents[next])
            {
                if (--unplacedDeps[j] == 0 && !placed[j])
                {
                    ready.Enqueue(j, j);
                }
            }
        }

        return order;
    }

    internal static IEnumerable<string> Dependencies(PulumiResource r)
    {
        var result = new List<string>(r.DependsOn);
        foreach (var (_, v) in r.Properties)
        {
            CollectDependencies(v, result);
        }

        return result;
    }

    private static void CollectDependencies(PulumiValue v, List<string> into)
    {
        switch (v)
        {
            case PulumiAttribute a:
                into.Add(a.Resource);
                break;
            case PulumiStackOutput s:
                into.Add(s.Stack);
                break;
            case PulumiList l:
                l.Items.ToList().ForEach(x => CollectDependencies(x, into));
                break;
            case PulumiObject o:
                o.Entries.ToList().ForEach(x => CollectDependencies(x.Value, into));
                break;
            case PulumiInterpolation i:
                i.Parts.ToList().ForEach(x => CollectDependencies(x, into));
                break;
            case PulumiJson j:
                CollectDependencies(j.Document, into);
                break;
            case PulumiInvoke inv:
                CollectDependencies(inv.Arguments, into);
                break;
        }
    }

    internal static string Sanitize(string s) => NonAlphanumeric().Replace(s, string.Empty);

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(\.(?<attr>[A-Za-z0-9.]+))?\}")]
    private static partial Regex SubReference();
}
