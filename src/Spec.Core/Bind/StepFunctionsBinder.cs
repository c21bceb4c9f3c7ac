using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>The <c>stepFunctions</c> section of the serverless-step-functions plugin.</summary>
internal sealed class StepFunctionsBinder(BindContext ctx)
{
    public StepFunctionsSection? BindStepFunctions(Node? node)
    {
        const string path = "stepFunctions";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "stepFunctions");
        var machines = new List<StateMachine>();
        if (ctx.Mapping(map, "stateMachines", path) is { } sms)
        {
            foreach (var entry in sms.Entries)
            {
                var mpath = $"{path}.stateMachines.{entry.Key.Text}";
                if (ctx.Mapping(entry.Value, mpath) is not { } sm)
                {
                    continue;
                }

                ctx.CheckKeys(sm, mpath, "stepFunctions.stateMachines.*");
                if (BindContext.Get(sm, "definition") is null)
                {
                    ctx.MissingKey(sm, mpath, "definition", "a state machine needs an Amazon States Language 'definition'");
                }

                var events = BindContext.Get(sm, "events");
                if (events is not null and not SequenceNode)
                {
                    ctx.WrongType(events, mpath + ".events", "a list of events");
                }

                machines.Add(new StateMachine
                {
                    Key = entry.Key.Text,
                    KeyNode = entry.Key,
                    Node = sm,
                    Name = ctx.String(sm, "name", mpath),
                    Type = ctx.OrDefault(ctx.String(sm, "type", mpath), "stepFunctions.stateMachines.*.type"),
                    Definition = BindContext.Get(sm, "definition"),
                    Events = events is SequenceNode es ? es.Items : [],
                    Id = ctx.String(sm, "id", mpath),
                    Role = BindContext.Get(sm, "role"),
                    LoggingConfig = BindContext.Get(sm, "loggingConfig"),
                    TracingConfig = BindContext.Get(sm, "tracingConfig"),
                    Tags = BindContext.Get(sm, "tags"),
                    Alarms = BindContext.Get(sm, "alarms"),
                    Notifications = BindContext.Get(sm, "notifications"),
                    DependsOn = ctx.StringList(sm, "dependsOn", mpath),
                    UseExactVersion = ctx.Bool(sm, "useExactVersion", mpath),
                    Retain = ctx.Bool(sm, "retain", mpath),
                });
            }
        }

        return new StepFunctionsSection
        {
            Node = map,
            StateMachines = machines,
            Activities = ctx.List(BindContext.Get(map, "activities"), path + ".activities"),
            Validate = ctx.Bool(map, "validate", path),
            NoOutput = ctx.Bool(map, "noOutput", path),
        };
    }
}
