using System.Text.Json.Nodes;
using Spec.Backends.Beanstalk;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// <c>spec compile --target beanstalk</c>: which environments a service becomes, what each bundle holds, what the
/// companion template keeps, and what is reported instead of being dropped.
/// </summary>
public sealed class BeanstalkTargetTests
{
    private const string Head = "service: shop\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: eu-west-1\n";

    [Fact]
    public void Http_routes_make_a_web_environment_with_an_application_load_balancer_and_the_adapter()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              api:
                handler: src/api.handler
                events:
                  - httpApi: GET /items/{id}
                  - http: POST /items
                  - httpApi: '*'
            """);

        Assert.Empty(c.Errors);
        var web = Assert.Single(c.Output!.Environments);
        Assert.Equal(("web", "shop-dev-web", BeanstalkTier.Web), (web.Key, web.Name, web.Tier));
        Assert.Equal("web: node .spec-eb/web.js\n", c.File("web/Procfile"));
        Assert.True(c.Has("web/.spec-eb/web.js") && c.Has("web/.spec-eb/lambda-runtime.js"));
        Assert.Equal([("GET", "/items/{id}", "http", "2.0"), ("POST", "/items", "rest", null), ("ANY", "$default", "http", "2.0")],
            web.Routes.Select(r => (r.Method, r.Path, r.Api, r.Payload)));
        var config = c.File("web/.ebextensions/00-environment.config");
        Assert.Contains("LoadBalancerType: application", config, StringComparison.Ordinal);
        Assert.Contains("HealthCheckPath: \"/__spec-eb/health\"", config, StringComparison.Ordinal);
        Assert.DoesNotContain("IdleTimeout", config, StringComparison.Ordinal);
        Assert.False(c.Has(BeanstalkEmitter.NginxTimeouts));
        Assert.Contains("Node.js 20 running on 64bit Amazon Linux 2023", c.File("web/env.yaml"), StringComparison.Ordinal);
        Assert.False(c.Has("web/cron.yaml"));
    }

    [Fact]
    public void A_function_longer_than_60_seconds_raises_the_idle_timeout_and_nginx_timeouts()
    {
        var c = BeanstalkCompilation.OfText(Head + "functions:\n  api:\n    handler: a.h\n    timeout: 300\n    events:\n      - httpApi: GET /\n");

        Assert.Contains("IdleTimeout: \"300\"", c.File("web/.ebextensions/00-environment.config"), StringComparison.Ordinal);
        Assert.Contains("proxy_read_timeout 300s;", c.File("web/" + BeanstalkEmitter.NginxTimeouts), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_queue_gets_a_worker_with_derived_sqsd_settings_and_schedules_join_the_first_one()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              a:
                handler: a.h
                timeout: 100
                reservedConcurrency: 3
                events:
                  - sqs: {arn: !GetAtt FirstQueue.Arn}
              b:
                handler: b.h
                events:
                  - sqs: arn:aws:sqs:eu-west-1:123456789012:second
              tick:
                handler: t.h
                events:
                  - schedule: rate(5 minutes)
            resources:
              Resources:
                FirstQueue:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 4}
                Dlq:
                  Type: AWS::SQS::Queue
            """);

        Assert.Empty(c.Errors);
        Assert.Equal(["first-queue", "second"], c.Output!.Environments.Select(e => e.Key));
        var first = c.File("first-queue/.ebextensions/00-environment.config");
        Assert.Contains("HttpPath: \"/sqs/shop-dev-a\"", first, StringComparison.Ordinal);
        Assert.Contains("InactivityTimeout: \"100\"", first, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout: \"105\"", first, StringComparison.Ordinal);
        Assert.Contains("MaxRetries: \"4\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkerQueueURL", first, StringComparison.Ordinal);
        Assert.Contains("\"OutputKey\": \"FirstQueueWorkerQueueUrl\"", c.File("first-queue.stack-options.json"), StringComparison.Ordinal);
        Assert.Contains("\"HttpConnections\"", c.File("first-queue.options.json"), StringComparison.Ordinal);
        Assert.Contains("Type: SQS/HTTP", c.File("first-queue/env.yaml"), StringComparison.Ordinal);
        Assert.Contains("schedule: \"*/5 * * * *\"", c.File("first-queue/cron.yaml"), StringComparison.Ordinal);
        Assert.Contains("WorkerQueueURL: https://sqs.eu-west-1.amazonaws.com/123456789012/second",
            c.File("second/.ebextensions/00-environment.config"), StringComparison.Ordinal);
        Assert.False(c.Has("second/cron.yaml"));

        var companion = JsonNode.Parse(c.File(CompanionTemplate.FileName))!;
        Assert.Equal("FirstQueue", companion["Outputs"]!["FirstQueueWorkerQueueUrl"]!["Value"]!["Ref"]!.GetValue<string>());
        Assert.NotNull(companion["Resources"]!["BeanstalkInstanceProfile"]);
        Assert.Null(companion["Resources"]!["ALambdaFunction"]);
    }

    [Fact]
    public void Schedules_get_a_worker_of_their_own_when_the_only_queue_is_fifo()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              a:
                handler: a.h
                events:
                  - sqs: {arn: !GetAtt Jobs.Arn}
              tick:
                handler: t.h
                events:
                  - schedule: cron(0 12 ? * 2 *)
            resources:
              Resources:
                Jobs:
                  Type: AWS::SQS::Queue
                  Properties: {FifoQueue: true}
            """);

        Assert.Empty(c.Errors);
        Assert.Equal(["jobs", "cron"], c.Output!.Environments.Select(e => e.Key));
        Assert.False(c.Has("jobs/cron.yaml"));
        Assert.Contains("schedule: \"0 12 * * 1\"", c.File("cron/cron.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain("HttpPath", c.File("cron/.ebextensions/00-environment.config"), StringComparison.Ordinal);
    }

    [Fact]
    public void Colliding_environment_keys_and_task_names_take_the_first_free_number_and_schedules_skip_fifo_workers()
    {
        const string Arn = "arn:aws:sqs:eu-west-1:123456789012:";
        var c = BeanstalkCompilation.OfText(Head + $$"""
            functions:
              f:
                handler: f.h
                events:
                  - sqs: {{Arn}}orders.fifo
              a:
                handler: a.h
                events:
                  - sqs: {{Arn}}jobs-2
              b:
                handler: b.h
                events:
                  - sqs: {{Arn}}jobs
              c:
                handler: c.h
                events:
                  - sqs: {{Arn}}Jobs
              d:
                handler: d.h
                events:
                  - sqs: {{Arn}}JOBS
              t1:
                handler: t.h
                events:
                  - schedule: {rate: rate(5 minutes), name: tick-2}
                  - schedule: {rate: rate(5 minutes), name: tick}
              t2:
                handler: t.h
                events:
                  - schedule: {rate: rate(5 minutes), name: tick}
                  - schedule: {rate: rate(5 minutes), name: tick}
            """);

        Assert.Empty(c.Errors);
        Assert.Equal(["orders-fifo", "jobs-2", "jobs", "jobs-3", "jobs-4"], c.Output!.Environments.Select(e => e.Key));
        Assert.Empty(c.Output.Environments[0].Cron);
        Assert.Equal(["tick-2", "tick", "tick-3", "tick-4"], c.Output.Environments[1].Cron.Select(t => t.Route.Name));
    }

    [Fact]
    public void What_has_no_beanstalk_meaning_is_a_warning_naming_the_feature_and_the_function()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              api:
                handler: a.h
                layers: [arn:aws:lambda:eu-west-1:1:layer:x:1]
                events:
                  - http: {path: /, method: get, authorizer: aws_iam, cors: true}
                  - websocket: $connect
                  - s3: uploads
              worker:
                handler: w.h
                events:
                  - sqs: {arn: 'arn:aws:sqs:eu-west-1:1:q', batchSize: 10, maximumBatchingWindow: 5}
                  - schedule: {rate: rate(1 hour), inputPath: $.detail}
            """);

        Assert.Empty(c.Errors);
        var messages = c.Warnings.Where(w => w.Id == BeanstalkDiagnosticIds.NoBeanstalkMeaning).Select(w => w.Message).ToList();
        foreach (var expected in new[]
                 {
                     "the authorizer of the http event of function 'api'", "cors of the http event of function 'api'",
                     "the websocket event of function 'api'", "the s3 event of function 'api'", "layers of function 'api'",
                     "batchSize 10 of the sqs event of function 'worker'", "maximumBatchingWindow of the sqs event of function 'worker'",
                     "the inputPath or inputTransformer of the schedule of function 'worker'",
                 })
        {
            Assert.Contains(messages, m => m.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.All(c.Warnings, w => Assert.NotNull(w.Span));
    }

    [Fact]
    public void A_schedule_input_reaches_the_route_table_as_eventbridge_would_deliver_it()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              nightly:
                handler: n.h
                events:
                  - schedule: {rate: rate(1 hour), input: {mode: full, body: {n: 1}}}
                  - schedule: {rate: cron(0 3 * * ? *), name: raw, input: '{"raw": true}'}
                  - schedule: rate(1 day)
            """);

        Assert.Empty(c.Errors);
        Assert.DoesNotContain(c.Warnings, w => w.Message.Contains("input", StringComparison.Ordinal));
        var routes = System.Text.Json.Nodes.JsonNode.Parse(c.File("cron/.spec-eb/routes.json"))!["schedules"]!.AsArray();
        // an object input is stringified, a string input is JSON text: the event is that JSON, as EventBridge delivers it
        Assert.Equal(["""{"mode":"full","body":{"n":1}}""", """{"raw":true}""", null],
            routes.Select(r => r!["input"]?.ToJsonString()));
    }

    [Theory]
    [InlineData("runtime: java21", "'java21', which has no Elastic Beanstalk adapter")]
    [InlineData("image: 123.dkr.ecr.eu-west-1.amazonaws.com/x@sha256:abc", "is a container image or has no handler")]
    public void A_runtime_without_an_adapter_is_an_error(string line, string message)
    {
        var handler = line.StartsWith("image", StringComparison.Ordinal) ? "" : "    handler: a.h\n";
        var c = BeanstalkCompilation.OfText(Head + $"functions:\n  f:\n{handler}    {line}\n    events:\n      - httpApi: GET /\n");

        var error = Assert.Single(c.Errors, e => e.Id == BeanstalkDiagnosticIds.NoAdapter);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_languages_in_one_environment_two_functions_on_one_queue_and_an_inexpressible_rate_are_errors()
    {
        var c = BeanstalkCompilation.OfText(Head + """
            functions:
              a:
                handler: a.h
                events: [{httpApi: GET /a}, {sqs: 'arn:aws:sqs:eu-west-1:1:q'}]
              b:
                handler: b.h
                runtime: python3.12
                events: [{httpApi: GET /b}, {sqs: 'arn:aws:sqs:eu-west-1:1:q'}]
              c:
                handler: c.h
                events: [{schedule: rate(7 minutes)}]
            """);

        Assert.Contains(c.Errors, e => e.Id == BeanstalkDiagnosticIds.NoAdapter && e.Message.Contains("one environment runs one adapter", StringComparison.Ordinal));
        Assert.Contains(c.Errors, e => e.Id == BeanstalkDiagnosticIds.Worker && e.Message.Contains("'a' and 'b' consume the same queue", StringComparison.Ordinal));
        Assert.Contains(c.Errors, e => e.Id == BeanstalkDiagnosticIds.Schedule && e.Message.Contains("rate(7 minutes)", StringComparison.Ordinal));
    }

    [Fact]
    public void Environment_properties_literals_go_to_ebextensions_references_to_companion_outputs_and_conflicts_are_reported()
    {
        var c = BeanstalkCompilation.OfText(Head + """
              environment: {STAGE: dev, TABLE: !Ref Table}
            functions:
              a:
                handler: a.h
                environment: {MODE: fast, SELF: !GetAtt ALambdaFunction.Arn}
                events: [{httpApi: GET /a}]
              b:
                handler: b.h
                environment: {MODE: slow}
                events: [{httpApi: GET /b}]
            resources:
              Resources:
                Table:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                FunctionArnParameter:
                  Type: AWS::SSM::Parameter
                  Properties: {Type: String, Value: !GetAtt ALambdaFunction.Arn}
            """);

        Assert.Empty(c.Errors);
        var properties = c.File("web/.ebextensions/10-environment-properties.config");
        Assert.Contains("MODE: fast", properties, StringComparison.Ordinal);
        Assert.Contains("STAGE: dev", properties, StringComparison.Ordinal);
        Assert.DoesNotContain("TABLE", properties, StringComparison.Ordinal);
        Assert.Contains("\"OutputKey\": \"WebEnvTABLE\"", c.File("web.stack-options.json"), StringComparison.Ordinal);
        Assert.Contains(c.Warnings, w => w.Id == BeanstalkDiagnosticIds.EnvironmentProperty && w.Message.Contains("set MODE differently", StringComparison.Ordinal));
        Assert.Contains(c.Warnings, w => w.Id == BeanstalkDiagnosticIds.EnvironmentProperty && w.Message.StartsWith("SELF of function 'a'", StringComparison.Ordinal));
        Assert.Contains(c.Warnings, w => w.Id == BeanstalkDiagnosticIds.CompanionResource && w.Message.Contains("'FunctionArnParameter'", StringComparison.Ordinal));
        var companion = JsonNode.Parse(c.File(CompanionTemplate.FileName))!;
        Assert.NotNull(companion["Resources"]!["Table"]);
        Assert.Null(companion["Resources"]!["FunctionArnParameter"]);
    }

    [Fact]
    public void A_service_no_environment_can_serve_is_an_error()
    {
        var c = BeanstalkCompilation.OfText(Head + "functions:\n  f:\n    handler: a.h\n    events:\n      - s3: uploads\n");

        Assert.Contains(c.Errors, e => e.Id == BeanstalkDiagnosticIds.NothingToDeploy);
    }

    [Fact]
    public void The_bundles_pass_the_elastic_beanstalk_linter_and_are_byte_identical_on_every_run()
    {
        var spec = Path.Combine(Golden.RepositoryRoot, "examples", "orders-beanstalk", "serverless.yml");
        var first = BeanstalkCompilation.OfFile(spec);
        var second = BeanstalkCompilation.OfFile(spec);

        Assert.Equal(first.Output!.Files.Select(f => (f.Path, Convert.ToBase64String(f.Content))),
            second.Output!.Files.Select(f => (f.Path, Convert.ToBase64String(f.Content))));
        foreach (var environment in first.Output.Environments)
        {
            var bundle = EbBundle.FromTexts(first.Output.BundleFiles(environment)
                .Where(f => EbFile.KindOf(f.Path) is not null)
                .Select(f => (f.Path, System.Text.Encoding.UTF8.GetString(f.Content))));
            Assert.Empty(EbChecker.Check(bundle));
        }
    }

    [Fact]
    public void Spec_compile_writes_the_bundles_into_spec_beanstalk()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Head + "functions:\n  f:\n    handler: a.h\n    events:\n      - httpApi: GET /\n");

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "beanstalk");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "beanstalk", "web", "Procfile")));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "beanstalk", CompanionTemplate.FileName)));
        Assert.Contains(Path.Combine(".spec", "beanstalk", "web", "env.yaml"), run.Out, StringComparison.Ordinal);
    }
}
