using System.Diagnostics;
using System.Reflection;

namespace Spec.Tests;

/// <summary>
/// The one way a test skips (call it from a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>). On a laptop a missing
/// tool or data set skips the test with its reason. Under <c>CI=true</c> the same call fails the test, because CI has
/// every tool and data set and a skip there hides the check CI exists for; the only exceptions are the reviewed
/// platform skips in <c>ci-allowed-skips.txt</c>: a test name with the exact reason it may skip for.
/// </summary>
internal static class TestSkip
{
    public const string AllowedSkipsFile = "ci-allowed-skips.txt";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Allowed = new(LoadAllowed);

    /// <summary>True when the tests run in CI, as <c>.ci/run</c> decides it: the environment variable <c>CI</c> is <c>true</c>.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The reviewed skips CI accepts: fully qualified test method name to the reason it skips with.</summary>
    public static IReadOnlyDictionary<string, string> AllowedInCi => Allowed.Value;

    public static void If(bool condition, string reason)
    {
        if (!condition)
        {
            return;
        }

        if (FailureInCi(InCi, CurrentTest(), reason) is { } failure)
        {
            Assert.Fail(failure);
        }

        throw new SkipException(reason);
    }

    /// <summary>Why a skip fails the test (under CI, unless listed with this very reason), or null when it may skip.</summary>
    internal static string? FailureInCi(bool inCi, string? test, string reason) =>
        !inCi || (test is not null && AllowedInCi.TryGetValue(test, out var listed) && listed == reason)
            ? null
            : $"{test ?? "this test"} would skip, and under CI=true a skip is a failure: {reason}. " +
              $"A platform skip may be listed in tests/Spec.Tests/{AllowedSkipsFile} with its reason.";

    public static void IfNot(bool condition, string reason) => If(!condition, reason);

    /// <summary>The test method on the stack (the first frame whose method carries a fact or theory attribute).</summary>
    private static string? CurrentTest()
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            if (frame.GetMethod() is MethodInfo { DeclaringType: { } type } method &&
                method.IsDefined(typeof(FactAttribute), inherit: true))
            {
                return $"{type.FullName}.{method.Name}";
            }
        }

        return null;
    }

    internal static Dictionary<string, string> LoadAllowed() =>
        ReasonedList.Read(Path.Combine(AppContext.BaseDirectory, AllowedSkipsFile));
}
