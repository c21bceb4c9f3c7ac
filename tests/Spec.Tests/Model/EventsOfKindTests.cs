using Spec.Core.Model;
using Spec.Tests.Bind;

namespace Spec.Tests.Model;

/// <summary><c>Function.EventsOf&lt;T&gt;()</c> gives the events of one kind in source order, as <c>OfType</c> did.</summary>
public sealed class EventsOfKindTests
{
    private static readonly Function Worker = BindHelper.BindValid("""
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          worker:
            handler: handler.run
            events:
              - sqs: arn:aws:sqs:us-east-1:123456789012:first
              - schedule: rate(1 day)
              - sqs: arn:aws:sqs:us-east-1:123456789012:second
              - httpApi: GET /items
        """).Functions.Single();

    [Fact]
    public void Enumerates_only_the_kind_in_source_order()
    {
        var found = new List<SqsEvent>();
        foreach (var sqs in Worker.EventsOf<SqsEvent>())
        {
            found.Add(sqs);
        }

        Assert.Equal(2, found.Count);
        Assert.Same(Worker.Events[0], found[0]);
        Assert.Same(Worker.Events[2], found[1]);
        Assert.Equal(found, Worker.EventsOf<SqsEvent>().ToList());
    }

    [Fact]
    public void Any_and_FirstOrDefault_agree_with_linq()
    {
        Assert.True(Worker.EventsOf<ScheduleEvent>().Any());
        Assert.False(Worker.EventsOf<S3Event>().Any());
        Assert.Same(Worker.Events.OfType<SqsEvent>().First(), Worker.EventsOf<SqsEvent>().FirstOrDefault());
        Assert.Null(Worker.EventsOf<S3Event>().FirstOrDefault());
        var second = Worker.Events.OfType<SqsEvent>().Last();
        Assert.Same(second, Worker.EventsOf<SqsEvent>().FirstOrDefault(e => !ReferenceEquals(e, Worker.Events[0])));
    }
}
