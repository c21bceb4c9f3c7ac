using System.Globalization;

namespace Spec.Backends.Beanstalk;

/// <summary>
/// The Elastic Beanstalk platform branch an environment runs for a Lambda runtime: the Amazon Linux 2023 Node.js and
/// Python branches (AWS Elastic Beanstalk Platforms guide, "Supported platforms", checked 2026-12-05). A runtime
/// older than every branch runs on the oldest one; <c>env.yaml</c> names the branch without a version, so Elastic
/// Beanstalk picks the branch's latest platform version.
/// </summary>
public static class BeanstalkPlatforms
{
    private static readonly int[] NodeMajors = [18, 20, 22];
    private static readonly int[] PythonMinors = [9, 11, 12, 13];

    /// <summary>The platform branch name, e.g. <c>Node.js 22 running on 64bit Amazon Linux 2023</c>.</summary>
    public static string Branch(AdapterRuntime runtime, string lambdaRuntime)
    {
        var digits = new string([.. lambdaRuntime.SkipWhile(c => !char.IsAsciiDigit(c))]);
        if (runtime == AdapterRuntime.Node)
        {
            var major = int.TryParse(digits.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
            return $"Node.js {Pick(NodeMajors, major)} running on 64bit Amazon Linux 2023";
        }

        var parts = digits.Split('.');
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return $"Python 3.{Pick(PythonMinors, minor)} running on 64bit Amazon Linux 2023";
    }

    /// <summary>The platform ARN of the branch in a region (no version: the latest of the branch).</summary>
    public static string Arn(string region, string branch) => $"arn:aws:elasticbeanstalk:{region}::platform/{branch}";

    /// <summary>The branch for this version, or the oldest newer one, or the newest.</summary>
    private static int Pick(int[] supported, int version) =>
        supported.Contains(version) ? version : supported.FirstOrDefault(s => s > version, supported[^1]);
}
