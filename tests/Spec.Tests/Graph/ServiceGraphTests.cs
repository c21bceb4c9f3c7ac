using System.Text.Json.Nodes;
using Spec.Backends.Graph;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;
using Spec.Tests.Cli;

namespace Spec.Tests.Graph;

public sealed class ServiceGraphTests
{
    private const string Spec = """
        service: orders
        provider:
          name: aws
          runtime: nodejs22.x
          environment:
            TABLE: !Ref OrdersTable
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [dynamodb:GetItem, dynamodb:PutItem]
                  Resource: !GetAtt OrdersTable.Arn
                - Effect: Allow
                  Action: sqs:SendMessage
                  Resource: !GetAtt PaymentsQueue.Arn
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: arn:aws:s3:::shared-assets/*
        functions:
          createOrder:
            handler: create.handler
            events:
              - httpApi: POST /orders
              - http:
                  path: orders/{id}
                  method: get
          pay:
            handler: pay.handler
            destinations:
              onFailure: notify
            events:
              - sqs:
                  arn: !GetAtt PaymentsQueue.Arn
                  batchSize: 5
          notify:
            handler: notify.handler
            events:
              - sns: order-events
              - schedule: rate(1 hour)
              - s3:
                  bucket: ${env:UPLOADS_BUCKET}
                  event: s3:ObjectCreated:*
        resources:
          Resources:
            OrdersTable:
              Type: AWS::DynamoDB::Table
            PaymentsQueue:
              Type: AWS::SQS::Queue
              Properties:
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt PaymentsDlq.Arn
                  maxReceiveCount: 3
            PaymentsDlq:
              Type: AWS::SQS::Queue

        """;

    private static ServiceGraph Graph(string text)
    {
        using var dir = new TempDir();
        var path = dir.Write("serverless.yml", text);
        var result = new SpecPipeline().RunText(path, text,
            ResolveOptions.FromArguments([], new Dictionary<string, string> { ["UPLOADS_BUCKET"] = "secret-uploads-bucket" }));
        return ServiceGraphBuilder.Build(result.Service!);
    }

    private static List<string> Edges(ServiceGraph graph)
    {
        var labels = graph.Nodes.ToDictionary(n => n.Id, n => n.Label);
        return [.. graph.Edges.Select(e => $"{labels[e.From]} -{e.Kind}-> {labels[e.To]}: {e.Label}")];
    }

    [Fact]
    public void Build_DrawsTriggersAccessDeadLetterQueuesAndDestinationsFromTheModel()
    {
        var graph = Graph(Spec);

        Assert.Equal(
        [
            "HTTP API -Trigger-> createOrder: POST /orders",
            "REST API -Trigger-> createOrder: GET /orders/{id}",
            "createOrder -Access-> OrdersTable: reads, writes, env TABLE",
            "createOrder -Access-> PaymentsQueue: writes",
            "createOrder -Access-> shared-assets: reads",
            "PaymentsQueue -Trigger-> pay: batch 5",
            "pay -Access-> OrdersTable: reads, writes, env TABLE",
            "pay -Access-> PaymentsQueue: writes",
            "pay -Access-> shared-assets: reads",
            "pay -Destination-> notify: onFailure",
            "order-events -Trigger-> notify: subscription",
            "rate(1 hour) -Trigger-> notify: schedule",
            "${env:UPLOADS_BUCKET} -Trigger-> notify: s3:ObjectCreated:*",
            "notify -Access-> OrdersTable: reads, writes, env TABLE",
            "notify -Access-> PaymentsQueue: writes",
            "notify -Access-> shared-assets: reads",
            "PaymentsQueue -DeadLetter-> PaymentsDlq: DLQ",
        ], Edges(graph));
        Assert.Equal(GraphNodeKind.Queue, graph.Nodes.Single(n => n.Label == "PaymentsDlq").Kind);
        Assert.Equal(GraphNodeKind.Bucket, graph.Nodes.Single(n => n.Label == "shared-assets").Kind);
    }

    [Fact]
    public void Nodes_whose_labels_share_their_first_40_letters_get_numbered_ids_in_order()
    {
        var queues = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"      - sqs: arn:aws:sqs:us-east-1:123456789012:a-very-long-queue-name-that-goes-on-past-forty-letters-{i}\n"));
        var graph = Graph($"service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  f:\n    handler: h.f\n    events:\n{queues}");

        var queueIds = graph.Nodes.Where(n => n.Kind == GraphNodeKind.Queue).Select(n => n.Id).ToList();
        var stem = queueIds[0];
        Assert.Equal([stem, stem + "_2", stem + "_3", stem + "_4"], queueIds);
        Assert.Equal(40, stem[(stem.IndexOf('_', StringComparison.Ordinal) + 1)..].Length);
    }

    [Fact]
    public void A_function_named_by_logical_id_or_deployed_name_is_the_first_function_of_it_and_repeated_edges_merge_labels()
    {
        var graph = Graph("""
            service: s
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              worker:
                handler: h.w
              caller:
                handler: h.c
                environment:
                  TARGET: !GetAtt WorkerLambdaFunction.Arn
                  AGAIN: !Ref WorkerLambdaFunction
                destinations:
                  onSuccess: arn:aws:lambda:us-east-1:123456789012:function:s-dev-worker
            """);

        Assert.Equal(
        [
            "caller -Access-> worker: env TARGET, env AGAIN",
            "caller -Destination-> worker: onSuccess",
        ], Edges(graph));
    }

    [Fact]
    public void Write_IsDeterministicAndNeverShowsAValueFromEnv()
    {
        foreach (var format in GraphFormats.Names)
        {
            var first = GraphFormats.Write(Graph(Spec), format);
            Assert.Equal(first, GraphFormats.Write(Graph(Spec), format));
            Assert.DoesNotContain("secret-uploads-bucket", first, StringComparison.Ordinal);
            Assert.Contains("${env:UPLOADS_BUCKET}", first, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "dynamodb:GetItem", "dynamodb:Query" }, "reads")]
    [InlineData(new[] { "sqs:SendMessage" }, "writes")]
    [InlineData(new[] { "s3:*" }, "reads, writes")]
    [InlineData(new[] { "sqs:ReceiveMessage", "sqs:DeleteMessage" }, "reads, writes")]
    public void AccessLabel_ClassifiesActionsByVerb(string[] actions, string expected) =>
        Assert.Equal(expected, ServiceGraphBuilder.AccessLabel(actions));

    [SkippableFact]
    public void Renderers_DotRendersTheDotToSvgAndMermaidParsesTheMermaid()
    {
        TestSkip.If(GraphRenderers.Dot is null, GraphRenderers.DotSkipReason);
        TestSkip.If(GraphRenderers.MermaidMissing, GraphRenderers.MermaidSkipReason);
        using var dir = new TempDir();
        var graph = Graph(Spec + "    Quoted:\n      Type: AWS::SNS::Topic\n");
        var dot = dir.Write("orders.dot", GraphFormats.Write(graph, GraphFormats.Dot));
        var mermaid = dir.Write("orders.mmd", GraphFormats.Write(graph, GraphFormats.Mermaid));

        var (dotExit, dotError) = GraphRenderers.RenderDot([dot]);
        Assert.True(dotExit == 0, dotError);
        var svg = File.ReadAllText(dot + ".svg");
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("PaymentsDlq", svg, StringComparison.Ordinal);

        var (mermaidExit, output) = GraphRenderers.ParseMermaid([mermaid]);
        Assert.True(mermaidExit == 0, output);
        Assert.Equal("flowchart-v2", JsonNode.Parse(output.Trim())!["diagramType"]!.GetValue<string>());

        // The parser is a real check: a broken flowchart fails it.
        var broken = dir.Write("broken.mmd", "flowchart LR\n  a[\"x\" --> b\n");
        Assert.NotEqual(0, GraphRenderers.ParseMermaid([broken]).ExitCode);
    }

    [SkippableFact]
    public void Corpus_EverySpecIsDrawnAndRendersWithDotAndMermaid_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(GraphRenderers.Dot is null, GraphRenderers.DotSkipReason);
        TestSkip.If(GraphRenderers.MermaidMissing, GraphRenderers.MermaidSkipReason);
        using var dir = new TempDir();
        var (dots, mermaids, unbound) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var caseDir in SharedData.CorpusCases().Concat(SharedData.RealWorldCases()))
        {
            var caseInfo = JsonNode.Parse(File.ReadAllText(Path.Combine(caseDir, "case.json")))!;
            var config = caseInfo["config"]?.GetValue<string>() ?? "serverless.yml";
            var args = caseInfo["args"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
            var env = caseInfo["env"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];
            var result = new SpecPipeline().Run(Path.Combine(caseDir, config), ResolveOptions.FromArguments(args, env));
            var name = Path.GetFileName(caseDir);
            if (result.Service is not { } service)
            {
                unbound.Add(name);
                continue;
            }

            var graph = ServiceGraphBuilder.Build(service);
            dots.Add(dir.Write(name + ".dot", GraphFormats.Write(graph, GraphFormats.Dot)));
            mermaids.Add(dir.Write(name + ".mmd", GraphFormats.Write(graph, GraphFormats.Mermaid)));
        }

        Assert.True(dots.Count >= 170, $"{dots.Count} specs drawn; not bound: {string.Join(", ", unbound)}");
        var (dotExit, dotError) = GraphRenderers.RenderDot(dots);
        Assert.True(dotExit == 0, dotError);
        Assert.All(dots, d => Assert.True(File.Exists(d + ".svg"), d));
        var (mermaidExit, output) = GraphRenderers.ParseMermaid(mermaids);
        Assert.True(mermaidExit == 0, string.Join("\n", output.Split('\n').Where(l => l.Contains("\"ok\":false", StringComparison.Ordinal))));
    }
}
