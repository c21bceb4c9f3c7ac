using System.Text;

namespace Spec.Tests.BadInput;

/// <summary>
/// One malformed input: the files it needs (written into a fresh directory), the spec to check, and text that
/// must never appear in the output (the content of something Spec refused).
/// </summary>
internal sealed record BadInputCase(string Name, IReadOnlyDictionary<string, byte[]> Files, string Spec = "serverless.yml")
{
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public override string ToString() => Name;

    public static BadInputCase Text(string name, string yaml) =>
        new(name, new Dictionary<string, byte[]> { ["serverless.yml"] = Encoding.UTF8.GetBytes(yaml) });

    public static BadInputCase Bytes(string name, byte[] bytes) =>
        new(name, new Dictionary<string, byte[]> { ["serverless.yml"] = bytes });
}

/// <summary>The bad-input corpus of issue 2, generated so that nothing huge is checked in.</summary>
internal static class BadInputCases
{
    private const string Head = "service: demo\nprovider:\n  name: aws\n  runtime: nodejs18.x\n";

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    public static BadInputCase Get(string name) => All.Single(c => c.Name == name);

    private static List<BadInputCase> Build() =>
    [
        BadInputCase.Text("truncated", Head + "functions:\n  hello:\n    handler: \"handler.hel"),
        BadInputCase.Text("truncated-flow", Head + "  tags: {team: core, owner: [a, b"),
        BadInputCase.Text("tabs", "service: demo\nprovider:\n\tname: aws\n"),
        BadInputCase.Text("duplicate-keys", Head + "functions:\n  a:\n    handler: a.h\n  a:\n    handler: b.h\n"),
        BadInputCase.Text("alias-bomb", AliasBomb()),
        BadInputCase.Text("deep-flow-sequence", "service: " + new string('[', 20_000) + new string(']', 20_000) + "\n"),
        BadInputCase.Text("deep-flow-mapping", "service: " + string.Concat(Enumerable.Repeat("{a: ", 20_000))
            + "1" + new string('}', 20_000) + "\n"),
        BadInputCase.Text("deep-block", DeepBlock(20_000)),
        new("huge-scalar", new Dictionary<string, byte[]>
        {
            ["serverless.yml"] = Encoding.ASCII.GetBytes("service: " + new string('x', 30 * 1024 * 1024) + "\n"),
        })
        {
            Forbidden = [new string('x', 1000)],
        },
        BadInputCase.Bytes("invalid-utf8",
            [.. "service: demo\nprovider:\n  name: "u8, 0xC3, 0x28, 0xFF, .. "\n"u8]),
        BadInputCase.Bytes("binary", [0x7F, .. "ELF"u8, 0x02, 0x01, 0x00, 0x00, 0xFE, 0xED, 0xFA, 0xCE]),
        BadInputCase.Text("empty", string.Empty),
        BadInputCase.Text("whitespace-only", "   \n\n  \n"),
        BadInputCase.Text("list-at-root", "- service: demo\n- provider: aws\n"),
        BadInputCase.Text("scalar-at-root", "just a string\n"),
        BadInputCase.Text("not-yaml", "{{{ this is : not : yaml ]]]\n"),
        BadInputCase.Text("cyclic-variables",
            Head + "custom:\n  a: ${self:custom.b}\n  b: ${self:custom.c}\n  c: ${self:custom.a}\n"),
        BadInputCase.Text("self-referencing-variable", Head + "custom:\n  a: x-${self:custom.a}\n"),
        new("file-escapes-the-directory", new Dictionary<string, byte[]>
        {
            ["service/serverless.yml"] = Encoding.UTF8.GetBytes(Head + "custom:\n  secret: ${file(../secret.yml)}\n"
                + "  text: ${file(../secret.txt)}\n"),
            ["secret.yml"] = Encoding.UTF8.GetBytes("password: TOPSECRET-FILE-VALUE-1\n"),
            ["secret.txt"] = Encoding.UTF8.GetBytes("TOPSECRET-FILE-VALUE-2"),
        }, Spec: "service/serverless.yml")
        {
            Forbidden = ["TOPSECRET-FILE-VALUE"],
        },
        // Issue 14: scanner exceptions of the old loader, and YAML the Framework's parser refuses.
        BadInputCase.Text("unclosed-flow-then-a-line", Head + "custom:\n  a: [\nb: 1\n"),
        BadInputCase.Text("unclosed-quote", Head + "custom:\n  a: \"abc\n  b: 1\n"),
        BadInputCase.Text("unknown-tag", Head + "resources:\n  Resources:\n    Q:\n      Type: !Transform {Name: x}\n"),
        BadInputCase.Text("two-documents", Head + "---\nservice: other\n"),
        BadInputCase.Text("megabyte-string-aliases", "service: demo\ncustom:\n  big: &s " + new string('x', 1024 * 1024)
            + "\n  many: [" + string.Join(", ", Enumerable.Repeat("*s", 300)) + "]\n") with
        {
            Forbidden = [new string('x', 1000)],
        },
        BadInputCase.Text("wrong-type-service", "service: [a, b]\nprovider:\n  name: aws\n"),
        BadInputCase.Text("wrong-type-provider", "service: demo\nprovider: [aws]\n"),
        BadInputCase.Text("wrong-type-provider-key", Head + "  timeout: soon\n  memorySize: {big: true}\n"),
        BadInputCase.Text("wrong-type-functions", Head + "functions: [hello]\n"),
        BadInputCase.Text("wrong-type-function", Head + "functions:\n  hello: 42\n"),
        BadInputCase.Text("wrong-type-function-key", Head + "functions:\n  hello:\n    handler: h.h\n    timeout: [1, 2]\n"),
        BadInputCase.Text("wrong-type-events", Head + "functions:\n  hello:\n    handler: h.h\n    events: http\n"),
        BadInputCase.Text("wrong-type-event", Head + "functions:\n  hello:\n    handler: h.h\n    events:\n      - http: 42\n"),
        BadInputCase.Text("wrong-type-event-key",
            Head + "functions:\n  hello:\n    handler: h.h\n    events:\n      - sqs:\n          arn: x\n          batchSize: many\n"),
        BadInputCase.Text("wrong-type-resources", Head + "resources: nothing\n"),
        BadInputCase.Text("wrong-type-resource",
            Head + "resources:\n  Resources:\n    Queue:\n      Type: [AWS::SQS::Queue, AWS::SNS::Topic]\n"),
        BadInputCase.Text("missing-handler", Head + "functions:\n  hello:\n    memorySize: 128\n"),
        new("env-secret-in-a-wrong-type", new Dictionary<string, byte[]>
        {
            ["serverless.yml"] = Encoding.UTF8.GetBytes(Head + "  timeout: ${env:SPEC_TEST_SECRET}\n"
                + "functions:\n  hello:\n    handler: h.h\n    memorySize: ${env:SPEC_TEST_SECRET}\n"),
        })
        {
            Environment = new Dictionary<string, string> { ["SPEC_TEST_SECRET"] = "TOPSECRET-ENV-VALUE" },
            Forbidden = ["TOPSECRET-ENV-VALUE"],
        },
        new("file-secret-in-a-wrong-type", new Dictionary<string, byte[]>
        {
            ["serverless.yml"] = Encoding.UTF8.GetBytes(Head + "  timeout: ${file(./secret.txt)}\n"),
            ["secret.txt"] = Encoding.UTF8.GetBytes("TOPSECRET-LOCAL-FILE"),
        })
        {
            Forbidden = ["TOPSECRET-LOCAL-FILE"],
        },
        new("file-escape-by-absolute-path", new Dictionary<string, byte[]>
        {
            ["serverless.yml"] = Encoding.UTF8.GetBytes(Head + "custom:\n  secret: ${file(/etc/passwd)}\n"),
        })
        {
            Forbidden = ["root:"],
        },
    ];

    private static string AliasBomb()
    {
        var sb = new StringBuilder("service: demo\ncustom:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            sb.Append($"  a{i}: &a{i} [");
            sb.AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9));
            sb.Append("]\n");
        }

        return sb.ToString();
    }

    private static string DeepBlock(int depth) =>
        // Compact block sequences ("- - - 1") nest one level per two characters; indented mappings would need
        // a quadratic (~200 MB) file for the same depth.
        "service: demo\ncustom:\n  " + string.Concat(Enumerable.Repeat("- ", depth)) + "1\n";
}
