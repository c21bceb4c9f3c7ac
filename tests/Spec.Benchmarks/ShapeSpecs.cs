using System.Text;

namespace Spec.Benchmarks;

/// <summary>
/// Generated services of N functions in other shapes than issue 17's (<see cref="Spec.Tests.Load.ScaleSpecs"/>), each
/// stressing a part a big service leans on: REST routes with their resource tree and CORS, one shared authorizer,
/// variables into a large <c>custom</c>, thousands of <c>resources:</c>, topics, buckets, buses, load balancer
/// rules, websocket routes. <c>bench/scale.sh</c> times the commands on them (<c>SHAPE=http</c>): every stage
/// should stay linear whatever the shape.
/// </summary>
public static class ShapeSpecs
{
    public static IReadOnlyList<string> Names { get; } =
        ["http", "http-one-line", "authorizer", "variables", "resources", "sns", "s3", "eventbridge", "alb", "websocket"];

    public static string Functions(string shape, int count)
    {
        if (!Names.Contains(shape))
        {
            throw new ArgumentException($"unknown shape '{shape}' (one of {string.Join(", ", Names)})", nameof(shape));
        }

        var sb = new StringBuilder(count * 200);
        sb.Append("service: shape\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: us-east-1\n  stage: dev\n");
        sb.Append("custom:\n  base: hello\n");
        if (shape == "variables")
        {
            for (var i = 0; i < count; i++)
            {
                sb.Append("  v").Append(i).Append(": ${self:custom.base}-").Append(i).Append("-${sls:stage}\n");
            }
        }

        sb.Append("functions:\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("  f").Append(i).Append(":\n    handler: src/f").Append(i).Append(".handler\n");
            sb.Append(shape switch
            {
                "http" => $"    events:\n      - http:\n          path: api/r{i % 100}/items{i}/{{id}}\n          method: get\n          cors: true\n",
                "http-one-line" => $"    events:\n      - http: GET /p{i}\n",
                "authorizer" => $"    events:\n      - http:\n          path: a{i}\n          method: post\n          authorizer:\n            name: auth\n            type: request\n",
                "variables" => $"    description: ${{self:custom.v{i}}}\n    environment:\n      X: ${{self:custom.v{i}}}\n",
                "sns" => $"    events:\n      - sns: topic{i % 50}\n",
                "s3" => $"    events:\n      - s3:\n          bucket: bucket{i % 20}\n          event: s3:ObjectCreated:*\n          rules:\n            - prefix: p{i}/\n",
                "eventbridge" => $"    events:\n      - eventBridge:\n          eventBus: bus{i % 10}\n          pattern:\n            source: ['s{i}']\n",
                "alb" => $"    events:\n      - alb:\n          listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2\n          priority: {i + 1}\n          conditions:\n            path: /p{i}\n",
                "websocket" => $"    events:\n      - websocket:\n          route: r{i}\n",
                _ => string.Empty,
            });
        }

        if (shape == "authorizer")
        {
            sb.Append("  auth:\n    handler: src/auth.handler\n");
        }

        if (shape == "resources")
        {
            sb.Append("resources:\n  Resources:\n");
            for (var i = 0; i < count; i++)
            {
                sb.Append("    Q").Append(i).Append(":\n      Type: AWS::SQS::Queue\n      Properties:\n        QueueName: q")
                    .Append(i).Append("\n        VisibilityTimeout: 60\n");
                if (i > 0)
                {
                    sb.Append("      DependsOn: [Q").Append(i - 1).Append("]\n");
                }
            }

            sb.Append("  Outputs:\n");
            for (var i = 0; i < count; i += 10)
            {
                sb.Append("    O").Append(i).Append(":\n      Value: !GetAtt Q").Append(i).Append(".Arn\n");
            }
        }

        return sb.ToString();
    }
}
