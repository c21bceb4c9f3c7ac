using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

public sealed class UniqueNamesTests
{
    [Fact]
    public void A_name_taken_before_gets_the_first_free_number_even_when_a_numbered_name_was_taken_on_its_own()
    {
        var names = new UniqueNames();

        Assert.Equal(["web-3", "web", "web-2", "web-4", "web-3-2", "web-5", "api"],
            new[] { "web-3", "web", "web", "web", "web-3", "web", "api" }.Select(names.Take));
    }
}
