using System.Text;
using Spec.Core.Diagnostics;
using Spec.Backends.Targets;
using Spec.Core.Emit;

namespace Spec.Backends.Pulumi;

public enum PulumiTarget
{
    TypeScript,
    Yaml,
    CSharp,
}

/// <summary>
/// Generates a complete Pulumi project per target: <c>Pulumi.yaml</c> (name from the service, runtime, description),
/// <c>Pulumi.&lt;stage&gt;.yaml</c> with <c>aws:region</c>, the program, and <c>package.json</c> + <c>tsconfig.json</c>
/// (TypeScript) or a <c>.csproj</c> (C#). Output is deterministic; every file is written atomically.
/// </summary>
public static class PulumiCompiler
{
    /// <summary>Pinned versions of the npm packages the generated TypeScript project uses (same as tests/pulumi).</summary>
    public const string PulumiNodeVersion = "3.248.0";
    public const string PulumiAwsNodeVersion = "7.48.0";
    public const string TypeScriptVersion = "6.0.3";

    /// <summary>The project files (relative path → content) for one target, without touching the disk.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Generate(PulumiSource source, PulumiTarget target, DiagnosticBag diagnostics)
    {
        var program = PulumiProgramBuilder.Build(source, diagnostics);
        return Files(program, target);
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Files(PulumiProgram program, PulumiTarget target)
    {
        var files = new List<KeyValuePair<string, string>>();
        var stackFile = PulumiProjectTarget.StackFileName(program.Stage);
        var stackConfig = StackConfig(program);
        switch (target)
        {
            case PulumiTarget.TypeScript:
                files.Add(new("Pulumi.yaml", ProjectFile(program, "nodejs")));
                files.Add(new(stackFile, stackConfig));
                files.Add(new("index.ts", TypeScriptWriter.Write(program)));
                files.Add(new("package.json", PackageJson(program)));
                files.Add(new("tsconfig.json", TsConfig));
                break;
            case PulumiTarget.Yaml:
                files.Add(new("Pulumi.yaml", YamlWriter.Write(program)));
                files.Add(new(stackFile, stackConfig));
                break;
            case PulumiTarget.CSharp:
                files.Add(new("Pulumi.yaml", ProjectFile(program, "dotnet")));
                files.Add(new(stackFile, stackConfig));
                files.Add(new("Program.cs", CSharpWriter.Write(program)));
                files.Add(new(ProjectName(program) + ".csproj", CsProj));
                break;
        }

        return files;
    }

    /// <summary>
    /// Generates the project for <paramref name="target"/> into <paramref name="outputDirectory"/> (a failure to write is
    /// an error in <paramref name="diagnostics"/>).
    /// </summary>
    public static PulumiProgram Compile(PulumiSource source, PulumiTarget target, string outputDirectory, DiagnosticBag diagnostics)
    {
        var program = PulumiProgramBuilder.Build(source, diagnostics);
        TargetCompiler.WriteFiles(outputDirectory, Files(program, target).Select(f => KeyValuePair.Create(f.Key, Encoding.UTF8.GetBytes(f.Value))),
            diagnostics);
        return program;
    }

    private static string ProjectName(PulumiProgram program)
    {
        var sb = new StringBuilder();
        foreach (var part in program.Project.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(ProgramNames.Pascal(new string([.. part.Where(char.IsAsciiLetterOrDigit)])));
        }

        return sb.Length == 0 ? "Stack" : sb.ToString();
    }

    /// <summary><c>Pulumi.&lt;stack&gt;.yaml</c>: the stack's configuration, the region.</summary>
    internal static string StackConfig(PulumiProgram program) => YamlWriter.Document(new YamlMapping()
        .Add(YamlScalar.Verbatim("config"), new YamlMapping().Add(YamlScalar.Verbatim("aws:region"), YamlScalar.String(program.Region))));

    private static string ProjectFile(PulumiProgram program, string runtime) => YamlWriter.Document(new YamlMapping()
        .Add(YamlScalar.Verbatim("name"), YamlScalar.String(program.Project))
        .Add(YamlScalar.Verbatim("runtime"), YamlScalar.Verbatim(runtime))
        .Add(YamlScalar.Verbatim("description"), YamlScalar.String(program.Description)));

    private static string PackageJson(PulumiProgram program) =>
        "{\n" +
        $"  \"name\": {TypeScriptWriter.Str(program.Project)},\n" +
        "  \"private\": true,\n" +
        "  \"type\": \"commonjs\",\n" +
        "  \"main\": \"bin/index.js\",\n" +
        "  \"scripts\": { \"build\": \"tsc\" },\n" +
        "  \"dependencies\": {\n" +
        $"    \"@pulumi/aws\": \"{PulumiAwsNodeVersion}\",\n" +
        $"    \"@pulumi/pulumi\": \"{PulumiNodeVersion}\"\n" +
        "  },\n" +
        "  \"devDependencies\": {\n" +
        "    \"@types/node\": \"^20.0.0\",\n" +
        $"    \"typescript\": \"{TypeScriptVersion}\"\n" +
        "  }\n" +
        "}\n";

    // nodenext works with TypeScript 5 and 6 (6 rejects the classic "moduleResolution": "node" with TS5107).
    private const string TsConfig =
        "{\n" +
        "  \"compilerOptions\": {\n" +
        "    \"strict\": true,\n" +
        "    \"target\": \"ES2022\",\n" +
        "    \"module\": \"nodenext\",\n" +
        "    \"moduleResolution\": \"nodenext\",\n" +
        "    \"types\": [\"node\"],\n" +
        "    \"outDir\": \"bin\",\n" +
        "    \"skipLibCheck\": true\n" +
        "  },\n" +
        "  \"files\": [\"index.ts\"]\n" +
        "}\n";

    // The Pulumi NuGet packages are not in this project's package source: this project builds where nuget.org is reachable.
    private const string CsProj =
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
        "  <PropertyGroup>\n" +
        "    <OutputType>Exe</OutputType>\n" +
        "    <TargetFramework>net8.0</TargetFramework>\n" +
        "    <Nullable>enable</Nullable>\n" +
        "  </PropertyGroup>\n" +
        "  <ItemGroup>\n" +
        "    <PackageReference Include=\"Pulumi\" Version=\"3.71.0\" />\n" +
        "    <PackageReference Include=\"Pulumi.Aws\" Version=\"7.*\" />\n" +
        "  </ItemGroup>\n" +
        "</Project>\n";
}
