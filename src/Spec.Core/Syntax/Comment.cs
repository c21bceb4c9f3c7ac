using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>A YAML comment (text without the leading <c>#</c>), kept for inline suppressions.</summary>
public sealed record Comment(SourceSpan Span, string Text, bool IsInline);
