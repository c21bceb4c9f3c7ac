using System.Text.Json.Nodes;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// The order of a program's resources and which of several same-named companions is declared: both indexed
/// (issue 17) instead of scanning every resource per resource, with the behaviour of the scans.
/// </summary>
public sealed class PulumiProgramOrderTests
{
    private static PulumiResource Resource(string name, params string[] dependsOn)
    {
        var r = new PulumiResource(name, new("sqs", "Queue"), name);
        r.DependsOn.UnionWith(dependsOn);
        return r;
    }

    private static string Order(params PulumiResource[] resources) =>
        string.Join(" ", PulumiProgramBuilder.TopologicalOrder([.. resources]).Select(r => r.Name));

    [Fact]
    public void Each_step_places_the_first_resource_in_declaration_order_whose_dependencies_are_placed()
    {
        // Not the order resources become ready in (B D A C): A, declared before D, goes as soon as B is placed.
        Assert.Equal("B A C D", Order(Resource("A", "B"), Resource("B"), Resource("C", "A"), Resource("D")));
    }

    [Fact]
    public void Dependencies_read_from_inputs_count_and_names_outside_the_program_do_not()
    {
        var reader = Resource("Reader", "Elsewhere");
        reader.Properties.Add(new("queue", new PulumiAttribute("Queue", "arn")));
        Assert.Equal("Queue Reader Last", Order(reader, Resource("Queue"), Resource("Last")));
    }

    [Fact]
    public void A_cycle_places_the_first_unplaced_resource_and_goes_on()
    {
        Assert.Equal("Z X Y W", Order(Resource("X", "Y"), Resource("Y", "X"), Resource("Z"), Resource("W", "X", "Y")));
    }

    [Fact]
    public void A_bus_several_events_name_is_declared_once_as_the_first_event_made_it()
    {
        static string Rule(string id, string name) => $$"""
            "{{id}}": { "Type": "Custom::EventBridge", "Properties": { "ServiceToken": "arn:aws:lambda:us-east-1:1:function:cr",
              "FunctionName": "svc-dev-fn", "EventBridgeConfig": { "RuleName": "{{name}}", "EventBus": "orders", "Schedule": "rate(1 hour)" } } }
            """;
        var template = JsonNode.Parse($$"""{ "Resources": { {{Rule("SecondRule", "second")}}, {{Rule("FirstRule", "first")}} } }""")!.AsObject();
        var program = PulumiProgramBuilder.Build(PulumiSource.FromTemplate(template, "svc", "dev", "us-east-1"), new DiagnosticBag());

        var bus = Assert.Single(program.Resources, r => r.Type == new PulumiType("cloudwatch", "EventBus"));
        Assert.Equal("SecondRule", bus.SourceLogicalId);
    }
}
