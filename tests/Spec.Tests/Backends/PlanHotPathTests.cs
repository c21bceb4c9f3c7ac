using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;

namespace Spec.Tests.Backends;

/// <summary>The allocation-lean helpers of the plan hot path give exactly what the plain versions gave.</summary>
public sealed class PlanHotPathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(128)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Sha256_MatchesTheFrameworkImplementation(int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        random.NextBytes(data);
        var digest = new byte[32];
        Sha256.Hash(data, digest);
        Assert.Equal(SHA256.HashData(data), digest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("code:{\"S3Bucket\":{\"Ref\":\"ServerlessDeploymentBucket\"}}")]
    [InlineData("non-ASCII: é ☃ 𝄞")]
    public void Sha256_Base64OfUtf8_MatchesTheFrameworkImplementation(string text) =>
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))), Sha256.Base64OfUtf8(text));

    [Fact]
    public void Sha256_KnownAnswer_Fips180Example() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256Hex("abc"));

    [Fact]
    public void Sha256_OfPrefixedJson_IsTheHashOfThePrefixedJsonText()
    {
        var node = JsonNode.Parse("{\"Code\":{\"S3Key\":\"a/b<c>&é\"},\"List\":[1,2.5,true,null,\"x\"]}")!;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Sha256.Base64OfUtf8("code:" + node.ToJsonString()), Sha256.Base64OfPrefixedJson("code:", node));
        }

        Assert.Equal(Sha256.Base64OfUtf8("\n" + node["Code"]!.ToJsonString()), Sha256.Base64OfPrefixedJson("\n", node["Code"]!));
    }

    [Fact]
    public void Sha256_OfPrefixedJson_RepeatedAlternatedOrChangedInPlace_IsEachTimeTheHashOfItsText()
    {
        var a = JsonNode.Parse("{\"S3Key\":\"a.zip\"}")!;
        var b = JsonNode.Parse("{\"S3Key\":\"b.zip\"}")!;
        foreach (var (prefix, node) in new[] { ("code:", a), ("code:", a), ("code:", b), ("code:", a), ("x", a), ("code:", a) })
        {
            Assert.Equal(Sha256.Base64OfUtf8(prefix + node.ToJsonString()), Sha256.Base64OfPrefixedJson(prefix, node));
        }

        var before = Sha256.Base64OfPrefixedJson("code:", a);
        a["S3Key"] = "c.zip";
        Assert.NotEqual(before, Sha256.Base64OfPrefixedJson("code:", a));
        Assert.Equal(Sha256.Base64OfUtf8("code:" + a.ToJsonString()), Sha256.Base64OfPrefixedJson("code:", a));
        var large = new JsonObject { ["Body"] = new string('x', 5000) };
        Assert.Equal(Sha256.Base64OfUtf8("code:" + large.ToJsonString()), Sha256.Base64OfPrefixedJson("code:", large));
        Assert.Equal(Sha256.Base64OfUtf8("code:" + a.ToJsonString()), Sha256.Base64OfPrefixedJson("code:", a));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Sha256_Incremental_OverPiecesOfAnySize_IsTheHashOfTheWhole(int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        random.NextBytes(data);
        var hash = new Sha256.Incremental();
        for (var offset = 0; offset < length;)
        {
            var piece = Math.Min(length - offset, random.Next(0, 150));
            hash.Append(data.AsSpan(offset, piece));
            offset += piece;
        }

        var digest = new byte[32];
        hash.Finish(digest);
        Assert.Equal(SHA256.HashData(data), digest);
    }

    [Fact]
    public void Sha256_OfKeyedJsonLines_IsTheHashOfTheJoinedText()
    {
        var method = JsonNode.Parse("{\"Type\":\"AWS::ApiGateway::Method\",\"Properties\":{\"PathPart\":\"<é>&\",\"N\":[1,2.5,null]}}")!;
        var large = new JsonObject { ["Body"] = new string('x', 5000) };
        (string, JsonNode?)[] lines = [("ApiGatewayMethodGet", method), ("ApiGatewayMethodMissing", null), ("Ünïcode", large), ("Last", method)];

        Assert.Equal(Sha256.Base64OfUtf8(string.Join("\n", lines.Select(l => l.Item1 + "=" + l.Item2?.ToJsonString()))),
            Sha256.Base64OfKeyedJsonLines(lines));
        Assert.Equal(Sha256.Base64OfUtf8(string.Empty), Sha256.Base64OfKeyedJsonLines([]));
    }

    [Fact]
    public void Object_RepeatedKey_IsAssignedAgainInItsFirstPlace()
    {
        var o = PlanJson.Object(("A", 1), ("B", 2), ("A", 3));
        Assert.Equal("{\"A\":3,\"B\":2}", o.ToJsonString());
    }

    [Fact]
    public void Object_DistinctKeys_KeepOrder()
    {
        var o = PlanJson.Object(("Type", "AWS::Lambda::Permission"), ("Properties", new JsonObject()), ("DependsOn", "X"));
        Assert.Equal("{\"Type\":\"AWS::Lambda::Permission\",\"Properties\":{},\"DependsOn\":\"X\"}", o.ToJsonString());
    }

    [Theory]
    [InlineData("Fn0", "Fn0")]
    [InlineData("fn0", "Fn0")]
    [InlineData("über", "Über")]
    public void NormalizeName_ReturnsTheSameTextWhenAlreadyUpper(string input, string expected)
    {
        var result = Naming.NormalizeName(input);
        Assert.Equal(expected, result);
        if (input == expected)
        {
            Assert.Same(input, result);
        }
    }

    private static string Sha256Hex(string text)
    {
        var digest = new byte[32];
        Sha256.Hash(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest);
    }
}
