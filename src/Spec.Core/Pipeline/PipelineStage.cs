namespace Spec.Core.Pipeline;

/// <summary>The last stage a <see cref="SpecPipeline"/> run goes through.</summary>
public enum PipelineStage
{
    Load,
    Resolve,
    Bind,
}
