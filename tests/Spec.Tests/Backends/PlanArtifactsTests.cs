using Spec.Backends.Plan;

namespace Spec.Tests.Backends;

public sealed class PlanArtifactsTests
{
    [Fact]
    public void OfFunction_IsTheFirstArtifactThatIsTheFunctionsOwnOrTheSharedOneOfItsName()
    {
        var artifacts = new PlanArtifacts();
        artifacts.Add(new PlanArtifact(null, "svc.zip", "k/svc.zip", null));
        artifacts.Add(new PlanArtifact("a", "a.zip", "k/a.zip", null));
        artifacts.Add(new PlanArtifact("b", "svc.zip", "k/b-svc.zip", null));
        artifacts.Add(new PlanArtifact("a", "a2.zip", "k/a2.zip", null));

        Assert.Equal("k/a.zip", artifacts.OfFunction("a", "a.zip")?.S3Key);
        Assert.Equal("k/svc.zip", artifacts.OfFunction("b", "svc.zip")?.S3Key); // the shared one was added first
        Assert.Equal("k/svc.zip", artifacts.OfFunction("c", "svc.zip")?.S3Key);
        Assert.Null(artifacts.OfFunction("c", "c.zip"));
        Assert.Equal("k/a.zip", artifacts.Named("a.zip")?.S3Key);
        Assert.Equal("k/svc.zip", artifacts.Named("svc.zip")?.S3Key);
        Assert.Null(artifacts.Named("nope.zip"));
        Assert.Equal(["k/svc.zip", "k/a.zip", "k/b-svc.zip", "k/a2.zip"], artifacts.Select(a => a.S3Key));
    }
}
