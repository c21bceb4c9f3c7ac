using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Options;

namespace Spec.Backends.Beanstalk;

/// <summary>What the worker's sqsd settings are derived from: the consuming function and its queue, as plain values.</summary>
public sealed record SqsdInputs
{
    /// <summary>The function's effective timeout in seconds.</summary>
    public required int FunctionTimeout { get; init; }

    /// <summary>The queue's own <c>VisibilityTimeout</c>, when the spec sets it.</summary>
    public int? QueueVisibilityTimeout { get; init; }

    /// <summary>The queue's <c>MessageRetentionPeriod</c>, when the spec sets it.</summary>
    public int? QueueRetentionPeriod { get; init; }

    /// <summary><c>RedrivePolicy.maxReceiveCount</c>, when the queue has a dead-letter queue.</summary>
    public int? MaxReceiveCount { get; init; }

    /// <summary>The function's <c>reservedConcurrency</c>.</summary>
    public int? ReservedConcurrency { get; init; }

    /// <summary>The sqs event's <c>maximumConcurrency</c>.</summary>
    public int? MaximumConcurrency { get; init; }

    /// <summary>How many instances share the concurrency (sqsd's HttpConnections is per instance).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>sqsd's <c>ConnectTimeout</c>; the catalogue's default (5 s) when null.</summary>
    public int? ConnectTimeout { get; init; }
}

/// <summary>One finding of the derivation, for the target to report against the function or the queue.</summary>
public sealed record SqsdProblem(Severity Severity, string Message);

/// <summary>
/// The <c>aws:elasticbeanstalk:sqsd</c> settings of a worker environment, derived so that the daemon behaves like
/// Lambda's event source mapping: it waits as long as the function may run, keeps the message invisible while it does,
/// retries as often as the queue's redrive policy allows, and sends no more messages at once than the function's
/// concurrency. Null values are left to Elastic Beanstalk's defaults.
/// </summary>
public sealed record SqsdSettings(
    int InactivityTimeout,
    int VisibilityTimeout,
    int ConnectTimeout,
    int? MaxRetries,
    int? HttpConnections,
    int? RetentionPeriod,
    IReadOnlyList<SqsdProblem> Problems)
{
    public const string Namespace = "aws:elasticbeanstalk:sqsd";

    /// <summary>
    /// The settings as (option, value) pairs. <paramref name="recommendedValues"/> selects the options that clients set
    /// through the API (<c>HttpConnections</c>): those belong in <c>&lt;env&gt;.options.json</c>, the others in
    /// <c>.ebextensions</c>.
    /// </summary>
    public IReadOnlyList<(string Option, string Value)> Options(bool recommendedValues, EbOptionCatalog? catalog = null)
    {
        var sqsd = (catalog ?? EbOptionCatalog.Default).Find(Namespace)!;
        var all = new List<(string, int?)>
        {
            ("InactivityTimeout", InactivityTimeout),
            ("VisibilityTimeout", VisibilityTimeout),
            ("ConnectTimeout", ConnectTimeout),
            ("MaxRetries", MaxRetries),
            ("HttpConnections", HttpConnections),
            ("RetentionPeriod", RetentionPeriod),
        };
        return [.. all
            .Where(o => o.Item2 is not null && sqsd.Option(o.Item1)!.IsRecommendedValue == recommendedValues)
            .Select(o => (o.Item1, o.Item2!.Value.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>Derives the settings; every value is kept inside the ranges of the option catalogue.</summary>
    public static SqsdSettings Derive(SqsdInputs inputs, EbOptionCatalog? catalog = null)
    {
        var sqsd = (catalog ?? EbOptionCatalog.Default).Find(Namespace)
            ?? throw new InvalidOperationException($"the option catalogue has no {Namespace} namespace");
        var problems = new List<SqsdProblem>();

        var inactivityOption = sqsd.Option("InactivityTimeout")!;
        var inactivity = Clamp(inputs.FunctionTimeout, inactivityOption, problems,
            v => $"the function timeout of {v} s is outside sqsd's InactivityTimeout range {inactivityOption.RangeText} s");

        var connectOption = sqsd.Option("ConnectTimeout")!;
        var connect = Clamp(inputs.ConnectTimeout ?? (int)connectOption.DefaultNumber!.Value, connectOption, problems,
            v => $"ConnectTimeout {v} s is outside {connectOption.RangeText} s");

        // The message must stay invisible while sqsd connects and waits for the answer, or a second instance gets it.
        var visibilityOption = sqsd.Option("VisibilityTimeout")!;
        var visibility = Clamp(Math.Max(inactivity + connect, inputs.QueueVisibilityTimeout ?? 0), visibilityOption, problems,
            v => $"a visibility timeout of {v} s (at least InactivityTimeout + ConnectTimeout) is above sqsd's maximum of " +
                 $"{visibilityOption.Max} s");

        int? maxRetries = null;
        if (inputs.MaxReceiveCount is { } count)
        {
            var retries = sqsd.Option("MaxRetries")!;
            maxRetries = Clamp(count, retries, problems,
                v => $"the queue's maxReceiveCount of {v} is outside sqsd's MaxRetries range {retries.RangeText}; the queue's " +
                     "redrive policy still moves messages to its dead-letter queue, sqsd stops earlier",
                Severity.Warning);
        }

        int? connections = null;
        var limits = new[] { inputs.ReservedConcurrency, inputs.MaximumConcurrency }.OfType<int>().ToList();
        if (limits.Count > 0)
        {
            var limit = limits.Min();
            if (limit <= 0)
            {
                problems.Add(new SqsdProblem(Severity.Error,
                    "reserved concurrency 0 stops the function from running; a worker environment cannot be paused that way " +
                    "(sqsd's HttpConnections is at least 1)"));
                limit = 1;
            }

            var perInstance = (limit + Math.Max(1, inputs.Instances) - 1) / Math.Max(1, inputs.Instances);
            var option = sqsd.Option("HttpConnections")!;
            connections = Clamp(perInstance, option, problems,
                v => $"a concurrency of {v} per instance is above sqsd's HttpConnections maximum of {option.Max}; each " +
                     "instance processes at most that many messages at once",
                Severity.Info);
        }

        int? retention = null;
        if (inputs.QueueRetentionPeriod is { } queueRetention)
        {
            // sqsd deletes messages older than its RetentionPeriod: keep it equal to the queue's, so neither drops early.
            var option = sqsd.Option("RetentionPeriod")!;
            retention = Clamp(queueRetention, option, problems,
                v => $"the queue's MessageRetentionPeriod of {v} s is outside sqsd's RetentionPeriod range {option.RangeText} s");
        }

        return new SqsdSettings(inactivity, visibility, connect, maxRetries, connections, retention, problems);
    }

    private static int Clamp(int value, EbOption option, List<SqsdProblem> problems, Func<int, string> message,
        Severity severity = Severity.Error)
    {
        var min = (int)(option.Min ?? int.MinValue);
        var max = (int)(option.Max ?? int.MaxValue);
        if (value >= min && value <= max)
        {
            return value;
        }

        problems.Add(new SqsdProblem(severity, message(value)));
        return Math.Clamp(value, min, max);
    }
}
