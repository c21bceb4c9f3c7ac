using Spec.Backends;

namespace Spec.Tests.Backends;

public sealed class UniqueNamesTests
{
    [Fact]
    public void A_name_taken_before_gets_the_first_free_number_even_when_a_numbered_name_was_taken_on_its_own()
    {
        var names = new UniqueNames();

        Assert.Equal(["web-3", "web", "web-2", "web-4", "web-3-2", "web-5", "api"],
            new[] { "web-3", "web", "web", "web", "web-3", "web", "api" }.Select(names.Take));
    }

    [Fact]
    public void Another_separator_numbers_with_it()
    {
        var names = new UniqueNames('_');

        Assert.Equal(["queue_a", "queue_a_2", "queue_b", "queue_a_3"], new[] { "queue_a", "queue_a", "queue_b", "queue_a" }.Select(names.Take));
    }
}
