using System.Globalization;
using System.Text;

namespace Spec.Backends.Pulumi;

/// <summary>Identifiers shared by the writers: variables for resources and hoisted invokes, C# casing.</summary>
internal sealed class ProgramNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "case", "catch", "char", "class", "const", "continue", "default", "delete",
        "do", "double", "else", "enum", "event", "export", "extends", "false", "finally", "for", "function", "if", "import",
        "in", "int", "interface", "let", "new", "null", "object", "operator", "out", "package", "private", "protected",
        "public", "ref", "return", "static", "string", "super", "switch", "this", "throw", "true", "try", "typeof", "var",
        "void", "while", "with", "yield", "aws", "pulumi", "config", "stage",
    };

    private static readonly Dictionary<string, string> CSharpModules = new(StringComparer.Ordinal)
    {
        ["apigateway"] = "ApiGateway", ["apigatewayv2"] = "ApiGatewayV2", ["cloudformation"] = "CloudFormation",
        ["cloudwatch"] = "CloudWatch", ["dynamodb"] = "DynamoDB", ["iam"] = "Iam", ["kinesis"] = "Kinesis",
        ["lambda"] = "Lambda", ["s3"] = "S3", ["scheduler"] = "Scheduler", ["sns"] = "Sns", ["sqs"] = "Sqs", ["ssm"] = "Ssm",
        ["cloudfront"] = "CloudFront", ["lb"] = "LB",
    };

    private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _invokes = new(StringComparer.Ordinal); // Key(invoke) -> variable

    public ProgramNames(PulumiProgram program)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in program.Resources)
        {
            _resources[r.Name] = Unique(Camel(r.Name), used);
        }

        foreach (var inv in CollectInvokes(program))
        {
            var name = Unique(InvokeBaseName(inv), used);
            Invokes.Add(new(inv, name));
            _invokes[Key(inv)] = name;
        }
    }

    /// <summary>Distinct deploy-time lookups in first-use order, each with the variable that holds it.</summary>
    public List<KeyValuePair<PulumiInvoke, string>> Invokes { get; } = [];

    /// <summary>
    /// Whether a lookup can be declared before the resources (its arguments are literals). A lookup that reads a
    /// resource output waits for that resource, so the TypeScript and C# writers write it where it is used.
    /// </summary>
    public static bool IsHoistable(PulumiInvoke invoke) => invoke.Arguments.Entries.All(e => e.Value is PulumiLiteral);

    public string Resource(string name) => _resources[name];

    public string Invoke(PulumiInvoke invoke) => _invokes[Key(invoke)];

    public static string CSharpModule(string module) =>
        CSharpModules.TryGetValue(module, out var m) ? m : Pascal(module);

    public static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Camel(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '_')
            {
                sb.Append(ch);
            }
        }

        var id = sb.Length == 0 ? "resource" : sb.ToString();
        id = char.ToLowerInvariant(id[0]) + id[1..];
        return char.IsAsciiDigit(id[0]) || Reserved.Contains(id) ? "r" + Pascal(id) : id;
    }

    /// <summary><c>aws:ssm/getParameter:getParameter</c> → (<c>ssm</c>, <c>getParameter</c>); module <c>index</c> is the package root.</summary>
    public static (string Module, string Function) SplitToken(string token)
    {
        var parts = token.Split(':');
        var module = parts[1].Split('/')[0];
        return (module, parts[2]);
    }

    private static string InvokeBaseName(PulumiInvoke inv) => inv.Token switch
    {
        ValueConverter.GetCallerIdentity => "awsAccountId",
        ValueConverter.GetRegion => "awsRegion",
        ValueConverter.GetPartition => inv.Field == "dnsSuffix" ? "awsUrlSuffix" : "awsPartition",
        ValueConverter.GetParameter => "ssmParameter",
        ValueConverter.GetExport => "importedValue",
        ValueConverter.GetLayerVersion => "layerVersion",
        _ => "lookup",
    };

    private static string Unique(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = id + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Key(PulumiInvoke i) =>
        i.Token + "|" + i.Field + "|" + string.Join(",", i.Arguments.Entries.Select(e => e.Key + "=" + (e.Value is PulumiLiteral l ? l.Raw : e.Value.ToString())));

    private static List<PulumiInvoke> CollectInvokes(PulumiProgram program)
    {
        var found = new List<PulumiInvoke>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(PulumiValue v)
        {
            switch (v)
            {
                case PulumiInvoke i when keys.Add(Key(i)):
                    found.Add(i);
                    break;
                case PulumiList l:
                    foreach (var x in l.Items)
                    {
                        Walk(x);
                    }

                    break;
                case PulumiObject o:
                    foreach (var x in o.Entries)
                    {
                        Walk(x.Value);
                    }

                    break;
                case PulumiInterpolation ip:
                    foreach (var x in ip.Parts)
                    {
                        Walk(x);
                    }

                    break;
                case PulumiJson j:
                    Walk(j.Document);
                    break;
            }
        }

        foreach (var r in program.Resources)
        {
            foreach (var p in r.Properties)
            {
                Walk(p.Value);
            }
        }

        foreach (var o in program.Outputs)
        {
            Walk(o.Value);
        }

        return found;
    }
}
