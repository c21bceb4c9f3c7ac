using System.Security.Cryptography;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using static Spec.Tests.Rules.Engine.EngineHarness;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// A fingerprint is what a baseline stores: its value must not change when its computation does (issue 17 hashes into a
/// buffer instead of building the text). Each is the first half of SHA-256 over <c>id\nfile\nwhere\noccurrence</c>.
/// </summary>
public class FingerprintValueTests
{
    private const string Yaml = "service: demo\nfunctions:\n  worker:\n    timeout: 1000\n\n# a comment line\n";

    [Fact]
    public void Fingerprints_are_the_hash_of_rule_file_place_and_occurrence()
    {
        var input = Input(Yaml);
        var longId = "SLS-" + new string('X', 1500);
        var timeout = new SourceSpan("serverless.yml", new SourcePosition(4, 14, 48), new SourcePosition(4, 18, 52));
        var comment = new SourceSpan("serverless.yml", new SourcePosition(6, 1, 54), new SourcePosition(6, 3, 56));
        Diagnostic[] diagnostics =
        [
            new("SLS-A", Severity.Error, "m", timeout),
            new("SLS-A", Severity.Error, "m", timeout),
            new(longId, Severity.Error, "m", timeout),
            new("SLS-A", Severity.Error, "m", comment),
            new("SLS-A", Severity.Error, "m", null),
        ];

        var fingerprints = Fingerprints.Compute(diagnostics, input, Directory.GetCurrentDirectory());

        Assert.Equal(
        [
            Expected("SLS-A\nserverless.yml\npath:functions.worker.timeout\n1"),
            Expected("SLS-A\nserverless.yml\npath:functions.worker.timeout\n2"),
            Expected(longId + "\nserverless.yml\npath:functions.worker.timeout\n1"),
            Expected("SLS-A\nserverless.yml\nline:# a comment line\n1"),
            Expected("SLS-A\n\n\n1"),
        ], fingerprints);
    }

    private static string Expected(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]);
}
