namespace Spec.Backends.Conversion;

/// <summary>The Framework's CORS defaults (<c>cors: true</c>) for REST routes, the HTTP API and function URLs.</summary>
internal static class CorsDefaults
{
    /// <summary>REST API and HTTP API <c>cors: true</c> headers.</summary>
    public static readonly IReadOnlyList<string> ApiHeaders =
    [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ];

    /// <summary>Function URL <c>cors: true</c> headers (<c>compileFunctionUrl</c>'s <c>defaultCors</c>).</summary>
    public static readonly IReadOnlyList<string> FunctionUrlHeaders =
        ["Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amzn-Trace-Id"];

    /// <summary>HTTP API <c>cors: true</c> methods.</summary>
    public static readonly IReadOnlyList<string> HttpApiMethods = ["OPTIONS", "GET", "POST", "PUT", "PATCH", "DELETE"];
}
