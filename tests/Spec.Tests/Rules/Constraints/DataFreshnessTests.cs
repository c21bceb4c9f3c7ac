using System.Globalization;
using System.Text.Json;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// Every data file the rules read (<c>src/Spec.Rules/Data/*.json</c>) names its source, the date it was checked against
/// it (<c>snapshot</c>) and how long that check stays good (<c>maxAgeDays</c>); past that age this test fails, so the
/// data is re-checked (re-run its generator, compare with the source) instead of silently going stale.
/// </summary>
public sealed class DataFreshnessTests
{
    public static TheoryData<string> DataFiles() => [.. Files()];

    private static string[] Files() =>
        [.. Directory.GetFiles(DataDirectory(), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void The_rules_ship_the_expected_data_files()
    {
        Assert.Equal(["cfn-constraints.json", "eb-options.json", "lambda-destinations.json", "lambda-runtimes.json", "limits.json"], Files());
    }

    [Fact]
    public void S3_is_an_asynchronous_failure_destination_since_November_2024_and_never_a_success_one()
    {
        var destinations = Spec.Rules.Lambda.LambdaDestinations.Default;
        var s3 = Assert.Single(destinations.AsyncOnFailure, k => k.Service == "s3");
        Assert.Equal(new DateOnly(2024, 11, 14), s3.Since);
        Assert.DoesNotContain(destinations.AsyncOnSuccess, k => k.Service == "s3");
        Assert.Contains(destinations.MappingOnFailure, k => k.Service == "s3");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory(), "lambda-destinations.json")));
        var stated = json.RootElement.GetProperty("asynchronous").GetProperty("onFailure").EnumerateArray()
            .Single(k => k.GetProperty("service").GetString() == "s3");
        Assert.False(string.IsNullOrWhiteSpace(stated.GetProperty("sinceSource").GetString()), "the S3 date names no source");
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void A_data_file_names_its_source_and_was_checked_within_its_stated_age(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory(), file)));
        var root = json.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("source").GetString()), $"{file} names no source");
        var snapshot = DateOnly.ParseExact(root.GetProperty("snapshot").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var maxAge = root.GetProperty("maxAgeDays").GetInt32();
        Assert.InRange(maxAge, 1, 366);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(snapshot <= today, $"{file}: snapshot {snapshot:yyyy-MM-dd} is in the future");
        Assert.True(snapshot.AddDays(maxAge) >= today,
            $"{file} was checked against its source on {snapshot:yyyy-MM-dd}, more than its maxAgeDays ({maxAge}) ago: " +
            "re-check it (its generator or source is named in the file), then update `snapshot`");
    }

    private static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Spec.Rules", "Data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Spec.Rules/Data not found above " + AppContext.BaseDirectory);
    }
}
