using System.Text;

namespace Spec.Tests.Load;

/// <summary>
/// Generated services of any size, as issue 17 measured them: N functions, each with an <c>httpApi</c> route and an
/// <c>sqs</c> event on one of 50 queues declared in <c>resources:</c> (<c>!GetAtt Qk.Arn</c>), without anchors or
/// aliases. Shared by the loader's tests and the load-scaling benchmark (linked into Spec.Benchmarks).
/// </summary>
internal static class ScaleSpecs
{
    public const int Queues = 50;

    public static string Functions(int count)
    {
        var sb = new StringBuilder(count * 160);
        sb.Append("service: scale\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: us-east-1\nfunctions:\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("  fn").Append(i).Append(":\n")
                .Append("    handler: src/fn").Append(i).Append(".handler\n")
                .Append("    memorySize: 256\n")
                .Append("    events:\n")
                .Append("      - httpApi:\n")
                .Append("          method: GET\n")
                .Append("          path: /items/fn").Append(i).Append("/{id}\n")
                .Append("      - sqs:\n")
                .Append("          arn: !GetAtt Q").Append(i % Queues).Append(".Arn\n")
                .Append("          batchSize: 10\n");
        }

        sb.Append("resources:\n  Resources:\n");
        for (var q = 0; q < Queues; q++)
        {
            sb.Append("    Q").Append(q).Append(":\n      Type: AWS::SQS::Queue\n      Properties:\n")
                .Append("        VisibilityTimeout: 60\n");
        }

        return sb.ToString();
    }
}
