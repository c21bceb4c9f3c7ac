using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>What the SAM reader produced: the template as a serverless.yml-shaped tree (every node spanned in the SAM
/// file) ready for the binder, and the comments a serverless.yml writer puts on its keys.</summary>
public sealed record SamReadResult(ResolvedSpec Resolved, IReadOnlyDictionary<SourceSpan, string> Comments);

/// <summary>
/// Reads an AWS SAM template (<c>Transform: AWS::Serverless-2016-10-31</c>) into the tree the binder binds a
/// serverless.yml from, so a SAM template has the same <see cref="Model.Service"/> model (rules, compile and the
/// converters read it) with spans into the template. <c>Globals.Function</c> goes to the provider where serverless.yml
/// has a provider key, into each function otherwise; <c>AWS::Serverless::Function</c>s are functions,
/// <c>AWS::Serverless::LayerVersion</c>s layers, <c>AWS::Serverless::SimpleTable</c>s DynamoDB tables; parameters with a
/// default are <c>params</c> (<c>!Ref P</c> reads as <c>${param:P}</c>); CloudFormation values stay as they are; every
/// other resource goes to <c>resources:</c>. What has no serverless.yml meaning is a <c>SPEC-CONVERT-005/006</c> note.
/// </summary>
public static class SamReader
{
    public const string Transform = "AWS::Serverless-2016-10-31";

    /// <summary>A template that names the SAM transform (alone or in a list).</summary>
    public static bool IsSamTemplate(Node? root) => (root as MappingNode)?["Transform"] switch
    {
        ScalarNode s => s.Text == Transform,
        SequenceNode list => list.Items.Any(i => i is ScalarNode { Text: Transform }),
        _ => false,
    };

    /// <param name="loaded">The loaded template.</param>
    /// <param name="options">Stage and region (<c>--stage</c>, <c>--region</c>) as for a serverless.yml.</param>
    /// <param name="notes">Where what serverless.yml cannot express is reported.</param>
    public static SamReadResult Read(LoadResult loaded, ResolveOptions options, DiagnosticBag notes)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        var root = loaded.Root as MappingNode ?? new MappingNode(SourceSpan.At(loaded.Source.Path, 1, 1), []);
        var ctx = new SamReadContext(root, loaded.Source.Path, notes);
        var start = SourceSpan.At(loaded.Source.Path, 1, 1);
        var service = new SamMapping(root.Span)
            .Add("service", start, SamNodes.Text(ServiceName(loaded.Source.Path), start))
            .Add("frameworkVersion", start, SamNodes.Text("3", start));
        Parameters(ctx);

        var globals = (root["Globals"] as MappingNode)?["Function"] as MappingNode;
        var functionIds = ctx.Resources.Entries.Where(e => ctx.TypeOf(e.Key.Text) == "AWS::Serverless::Function").ToList();
        var layersInProvider = globals?["Layers"] is not null &&
            functionIds.TrueForAll(e => SamReadContext.Properties(e.Value as MappingNode)?["Layers"] is null);
        foreach (var entry in functionIds)
        {
            var properties = SamReadContext.Properties((MappingNode)entry.Value);
            var key = SamFunctionReader.Key(entry.Key.Text, SamNodes.Literal(properties?["FunctionName"]));
            ctx.FunctionKeys[entry.Key.Text] = key;
            ctx.Renames[entry.Key.Text] = SamNaming.FunctionName(key) + "LambdaFunction";
            ctx.Consumed.Add(entry.Key.Text);
        }

        // Every key is known before any event is read: an authorizer names its function by key.
        var functions = new SamMapping(root.Span);
        foreach (var entry in functionIds)
        {
            var key = ctx.FunctionKeys[entry.Key.Text];
            functions.Add(key, entry.Key.Span, SamFunctionReader.Read(ctx, entry.Key.Text, key, (MappingNode)entry.Value, globals, layersInProvider));
        }

        var layers = Layers(ctx);
        FrameworkRole(ctx);
        var provider = Provider(ctx, root, globals, layersInProvider);
        service.Add("provider", root.Span, provider);
        if (ctx.ParameterDefaults.Count > 0 && root.Entry("Parameters") is { } parameters)
        {
            var defaults = new SamMapping(parameters.Value.Span);
            foreach (var (name, value) in ctx.ParameterDefaults)
            {
                defaults.Add(name, value.Span, value);
            }

            // The keys of `params` are spanned at the Parameters section's value (its key span belongs to resources.Parameters).
            var at = parameters.Value.Span;
            var paramsKey = SamNodes.Key("params", at);
            service.Add("params", at, new SamMapping(at).Add("default", at with { End = at.Start }, defaults.Build()).Build());
            ctx.Comment(paramsKey, "the template's Parameters: their defaults, read as ${param:Name}");
        }

        if (LogicalIds(ctx, root.Span) is { } logicalIds)
        {
            // Keys of their own (a comment is found by its key's span): nothing in the template is written at them.
            var at = SourceSpan.At(ctx.File, 1, 1);
            var customKey = at with { End = new SourcePosition(1, 1 + "custom".Length, "custom".Length) };
            var idsKey = SamNodes.Key(LogicalIdsKey, at with { End = new SourcePosition(1, 1 + LogicalIdsKey.Length, LogicalIdsKey.Length) });
            service.Add("custom", customKey, new SamMapping(root.Span).Add(LogicalIdsKey, idsKey.Span, logicalIds).Build());
            ctx.Comment(idsKey, "the SAM template's logical ids of the resources the Framework names itself (spec convert --to sam gives them back)");
        }

        if (functions.Count > 0)
        {
            service.Add("functions", ctx.Resources.Span, functions.Build());
        }

        if (layers.Count > 0)
        {
            service.Add("layers", ctx.Resources.Span, layers.Build());
        }

        var resources = ResourcesSection(ctx, root);
        if (resources.Count > 0)
        {
            service.Add("resources", root.Entry("Resources")?.Key.Span ?? root.Span, resources.Build());
        }

        var tree = (MappingNode)SamReferences.Rewrite(ctx, service.Build());
        var stage = options.Stage ?? SamApiReader.StageName(ctx) ?? "dev";
        var region = options.Region ?? "us-east-1";
        return new SamReadResult(new ResolvedSpec(loaded, tree, stage, region), ctx.Comments);
    }

    /// <summary>The key under <c>custom</c> that keeps the SAM template's logical ids of what the reader renamed
    /// (the Framework's id → the template's), so <c>spec convert --to sam</c> gives a resource its id back.</summary>
    public const string LogicalIdsKey = "samLogicalIds";

    /// <summary>The renames the Framework forces (functions, layers, an explicit API, the bucket or user pool of an event),
    /// the Framework's id → the template's; null when there are none. An id two resources were renamed to (two APIs
    /// joined into the Framework's one) has no single way back and is left out; SAM's implicit APIs are not resources of
    /// the template.</summary>
    private static MappingNode? LogicalIds(SamReadContext ctx, SourceSpan at)
    {
        var ids = new SamMapping(at);
        foreach (var group in ctx.Renames.Where(r => r.Key != r.Value && r.Key is not "ServerlessRestApi" and not "ServerlessHttpApi")
            .GroupBy(r => r.Value, StringComparer.Ordinal).Where(g => g.Count() == 1))
        {
            var original = group.Single().Key;
            var span = ctx.Resources.Entry(original)?.Key.Span ?? at;
            ids.Add(group.Key, span, SamNodes.Text(original, span));
        }

        return ids.Count == 0 ? null : ids.Build();
    }

    /// <summary>SAM has no service name: the template's folder names it (as <c>sam init</c> names a project).</summary>
    private static string ServiceName(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty);
        var name = new string([.. folder.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]).Trim('-');
        return name.Length == 0 || !char.IsAsciiLetter(name[0]) ? "sam-app" : name;
    }

    private static void Parameters(SamReadContext ctx)
    {
        foreach (var entry in (ctx.Root["Parameters"] as MappingNode)?.Entries ?? [])
        {
            // An SSM-typed parameter's default is a parameter name, not its value: such a parameter stays a Ref.
            var type = SamNodes.Literal((entry.Value as MappingNode)?["Type"]);
            if ((entry.Value as MappingNode)?["Default"] is ScalarNode { IsNull: false } value &&
                type?.StartsWith("AWS::", StringComparison.Ordinal) != true)
            {
                ctx.ParameterDefaults[entry.Key.Text] = value;
            }
        }
    }

    private static MappingNode Provider(SamReadContext ctx, MappingNode root, MappingNode? globals, bool layersInProvider)
    {
        var provider = new SamMapping(root.Span).Add("name", root.Span, SamNodes.Text("aws", root.Span));
        foreach (var entry in globals?.Entries ?? [])
        {
            if (!SamFunctionReader.ProviderGlobals.TryGetValue(entry.Key.Text, out var key) || (key == "layers" && !layersInProvider))
            {
                continue;
            }

            var value = key == "tracing"
                ? new SamMapping(entry.Value.Span).Add("lambda", entry.Key.Span,
                    SamNodes.Literal(entry.Value) == "Active" ? SamNodes.Bool(true, entry.Value.Span) : entry.Value).Build()
                : SamFunctionReader.Setting(entry.Key.Text, entry.Value);
            provider.Add(key, entry.Key.Span, value);
            ctx.Comment(entry.Key, $"from Globals.Function.{entry.Key.Text}");
        }

        // SAM's defaults differ from the Framework's (128 MB and 3 s, not 1024 MB and 6 s): written so the functions keep them.
        foreach (var (key, value) in new[] { ("memorySize", 128L), ("timeout", 3L) })
        {
            if (provider[key] is null)
            {
                var at = SourceSpan.At(ctx.File, 1, 1);
                var defaultKey = SamNodes.Key(key, at with { End = new SourcePosition(1, 1 + key.Length, key.Length) });
                provider.Add(key, defaultKey.Span, SamNodes.Int(value, at));
                ctx.Comment(defaultKey, "SAM's default (the Framework's is " + (key == "timeout" ? "6 s)" : "1024 MB)"));
            }
        }

        SamApiReader.Provider(ctx, provider);
        var read = new HashSet<string>(StringComparer.Ordinal) { "Function" };
        read.UnionWith(ctx.ImplicitApis);
        if (ctx.RestApis.Count > 0)
        {
            read.Add("Api");
        }

        if (ctx.HttpApis.Count > 0)
        {
            read.Add("HttpApi");
        }

        foreach (var other in ((root["Globals"] as MappingNode)?.Entries ?? []).Where(e => !read.Contains(e.Key.Text)))
        {
            ctx.LeftOut(other.Key, $"Globals.{other.Key.Text} has no serverless.yml form: left out");
        }

        if (ctx.RoleStatements.Count > 0 || ctx.ManagedPolicies.Count > 0)
        {
            var at = ctx.RoleStatements.FirstOrDefault()?.Span ?? ctx.ManagedPolicies[0].Span;
            var role = new SamMapping(at);
            if (ctx.RoleStatements.Count > 0)
            {
                role.Add("statements", at, SamNodes.List(at, ctx.RoleStatements));
            }

            if (ctx.ManagedPolicies.Count > 0)
            {
                role.Add("managedPolicies", ctx.ManagedPolicies[0].Span, SamNodes.List(at, ctx.ManagedPolicies));
            }

            provider.Add("iam", at, new SamMapping(at).Add("role", at, role.Build()).Build());
        }

        return provider.Build();
    }

    /// <summary>The role the Framework generates, as <c>spec convert --to sam</c> writes it: its statements and managed
    /// policies go back to <c>provider.iam.role</c>.</summary>
    private static void FrameworkRole(SamReadContext ctx)
    {
        if (ctx.TypeOf(SamReadContext.FrameworkRole) != "AWS::IAM::Role")
        {
            return;
        }

        var properties = SamReadContext.Properties(ctx.Resource(SamReadContext.FrameworkRole));
        ctx.Consumed.Add(SamReadContext.FrameworkRole);
        foreach (var policy in SamNodes.Items(properties?["Policies"]).OfType<MappingNode>())
        {
            ctx.RoleStatements.AddRange(SamNodes.Items((policy["PolicyDocument"] as MappingNode)?["Statement"]));
        }

        foreach (var arn in SamNodes.Items(properties?["ManagedPolicyArns"]))
        {
            if (!IsBasicExecution(arn))
            {
                ctx.ManagedPolicies.Add(arn);
            }
        }
    }

    /// <summary>The managed policies the Framework's role gets from the functions' settings without being asked.</summary>
    private static bool IsBasicExecution(Node arn)
    {
        var text = SamNodes.Literal(arn) ?? SamNodes.Literal((arn as MappingNode)?["Fn::Sub"]) ?? string.Empty;
        return text.EndsWith("/AWSLambdaBasicExecutionRole", StringComparison.Ordinal) ||
            text.EndsWith("/AWSLambdaVPCAccessExecutionRole", StringComparison.Ordinal) ||
            text.EndsWith("/AWSXRayDaemonWriteAccess", StringComparison.Ordinal);
    }

    private static SamMapping Layers(SamReadContext ctx)
    {
        var layers = new SamMapping(ctx.Resources.Span);
        foreach (var entry in ctx.Resources.Entries.Where(e => ctx.TypeOf(e.Key.Text) == "AWS::Serverless::LayerVersion"))
        {
            var id = entry.Key.Text;
            var stem = id.EndsWith("LambdaLayer", StringComparison.Ordinal) ? id[..^"LambdaLayer".Length]
                : id.EndsWith("Layer", StringComparison.Ordinal) && id.Length > "Layer".Length ? id[..^"Layer".Length] : id;
            var key = char.ToLowerInvariant(stem[0]) + stem[1..];
            var p = SamReadContext.Properties((MappingNode)entry.Value) ?? new MappingNode(entry.Value.Span, []);
            var layer = new SamMapping(entry.Value.Span)
                .Copy("name", p, "LayerName")
                .Copy("description", p, "Description")
                .Copy("compatibleRuntimes", p, "CompatibleRuntimes")
                .Copy("compatibleArchitectures", p, "CompatibleArchitectures")
                .Copy("licenseInfo", p, "LicenseInfo");
            if (p.Entry("ContentUri") is { } content)
            {
                if (content.Value is ScalarNode { IsNull: false } uri && !uri.Text.StartsWith("s3://", StringComparison.Ordinal) &&
                    !uri.Text.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    layer.Add("path", content.Key.Span, uri);
                }
                else
                {
                    layer.Add("package", content.Key.Span, new SamMapping(content.Value.Span).Add("artifact", content.Key.Span, content.Value).Build());
                }
            }
            else
            {
                layer.Add("path", entry.Key.Span, SamNodes.Text(".", entry.Key.Span));
            }

            if (SamNodes.Literal(p["RetentionPolicy"]) is { } retention)
            {
                layer.Add("retain", p.Entry("RetentionPolicy")!.Key.Span, SamNodes.Bool(retention == "Retain", p["RetentionPolicy"]!.Span));
            }

            ctx.Renames[id] = SamNaming.FunctionName(key) + "LambdaLayer";
            ctx.Consumed.Add(id);
            layers.Add(key, entry.Key.Span, layer.Build());
        }

        return layers;
    }

    private static SamMapping ResourcesSection(SamReadContext ctx, MappingNode root)
    {
        var section = new SamMapping(root.Span);
        foreach (var key in new[] { "Description", "Metadata", "Parameters", "Mappings", "Conditions" })
        {
            section.Copy(key, root, key);
        }

        var resources = new SamMapping(ctx.Resources.Span);
        var needsTransform = false;
        foreach (var entry in ctx.Resources.Entries)
        {
            var id = entry.Key.Text;
            if (ctx.Consumed.Contains(id))
            {
                continue;
            }

            var type = ctx.TypeOf(id);
            var value = type == "AWS::Serverless::SimpleTable" && entry.Value is MappingNode table ? SimpleTable(table) : entry.Value;
            if (type?.StartsWith("AWS::Serverless::", StringComparison.Ordinal) == true && type != "AWS::Serverless::SimpleTable")
            {
                needsTransform = true;
                ctx.Approximated(entry.Key, $"{type} has no serverless.yml form: it stays in resources: with the SAM transform");
            }

            var renamed = ctx.Renames.GetValueOrDefault(id, id);
            resources.Add(renamed, entry.Key.Span, value);
        }

        if (needsTransform)
        {
            section.Add("Transform", root.Entry("Transform")!.Key.Span, SamNodes.Text(Transform, root["Transform"]!.Span));
        }

        if (resources.Count > 0)
        {
            section.Add("Resources", root.Entry("Resources")!.Key.Span, resources.Build());
        }

        section.Copy("Outputs", root, "Outputs");
        return section;
    }

    /// <summary><c>AWS::Serverless::SimpleTable</c> as the <c>AWS::DynamoDB::Table</c> SAM makes of it, so the rules see
    /// a table.</summary>
    private static MappingNode SimpleTable(MappingNode resource)
    {
        var p = SamReadContext.Properties(resource) ?? new MappingNode(resource.Span, []);
        var span = p.Span;
        var primary = p["PrimaryKey"] as MappingNode;
        var name = primary?["Name"] ?? SamNodes.Text("id", span);
        var type = SamNodes.Literal(primary?["Type"]) switch { "Number" => "N", "Binary" => "B", _ => "S" };
        var properties = new SamMapping(span)
            .Copy("TableName", p, "TableName")
            .Add("AttributeDefinitions", span, SamNodes.List(span, [new SamMapping(span)
                .Add("AttributeName", span, name).Add("AttributeType", span, SamNodes.Text(type, span)).Build()]))
            .Add("KeySchema", span, SamNodes.List(span, [new SamMapping(span)
                .Add("AttributeName", span, name).Add("KeyType", span, SamNodes.Text("HASH", span)).Build()]));
        if (p.Entry("ProvisionedThroughput") is { } throughput)
        {
            properties.Add("ProvisionedThroughput", throughput.Key.Span, throughput.Value);
        }
        else
        {
            properties.Add("BillingMode", span, SamNodes.Text("PAY_PER_REQUEST", span));
        }

        properties.Copy("SSESpecification", p, "SSESpecification");
        if (p["Tags"] is MappingNode tags)
        {
            properties.Add("Tags", p.Entry("Tags")!.Key.Span, SamNodes.List(tags.Span, tags.Entries.Select(t => new SamMapping(t.Key.Span)
                .Add("Key", t.Key.Span, SamNodes.Text(t.Key.Text, t.Key.Span)).Add("Value", t.Key.Span, t.Value).Build())));
        }

        var table = new SamMapping(resource.Span).Add("Type", resource.Entry("Type")!.Key.Span, SamNodes.Text("AWS::DynamoDB::Table", resource["Type"]!.Span));
        foreach (var entry in resource.Entries.Where(e => e.Key.Text is not "Type" and not "Properties"))
        {
            table.Add(entry.Key.Text, entry.Key.Span, entry.Value);
        }

        return table.Add("Properties", resource.Entry("Properties")?.Key.Span ?? span, properties.Build()).Build();
    }
}
