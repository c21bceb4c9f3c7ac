using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-011: fileSystemConfig requires a VPC.</summary>
public sealed class FileSystemWithoutVpc : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-011",
        Title = "fileSystemConfig requires a VPC",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function mounts EFS (`fileSystemConfig`) but neither it nor the provider sets `vpc`.",
        Rationale = "EFS is only reachable from a VPC; the Framework rejects the function.",
        HowToFix = "Add `vpc` with subnets and security groups that reach the EFS mount targets.",
        FailingExample = """
            functions:
              hello:
                fileSystemConfig:
                  localMountPath: /mnt/data
                  arn: <access point arn>
            """,
        PassingExample = """
            functions:
              hello:
                fileSystemConfig:
                  localMountPath: /mnt/data
                  arn: <access point arn>
                vpc:
                  securityGroupIds: [sg-1]
                  subnetIds: [subnet-1]
            """,
        Anchors =
        [
            "Serverless LAMBDA_FILE_SYSTEM_CONFIG_MISSING_VPC",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            if (function.FileSystemConfig is not null && function.Vpc.Value is null)
            {
                context.Report(function.Node.KeyOf("fileSystemConfig") ?? function.FileSystemConfig.Node,
                    $"function '{function.Key}' mounts a file system but has no 'vpc' (neither on the function nor on the provider)");
            }
        }
    }
}
