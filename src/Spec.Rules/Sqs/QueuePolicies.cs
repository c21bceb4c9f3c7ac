using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>
/// The <c>AWS::SQS::QueuePolicy</c> and <c>AWS::SQS::QueueInlinePolicy</c> resources of a spec, read as "which service
/// may send to which queue". A policy whose queues or statements cannot be read (a queue URL built at deploy time, a
/// document from an intrinsic) counts as allowing everything, so an unreadable policy never causes a finding.
/// </summary>
public sealed class QueuePolicies
{
    private readonly List<(HashSet<string>? Queues, Node? Document)> _policies = [];

    public QueuePolicies(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        foreach (var resource in service.Resources.Resources)
        {
            if (resource.IsType("AWS::SQS::QueuePolicy"))
            {
                _policies.Add((QueueIds(resource.Property("Queues").Items()), resource.Property("PolicyDocument")));
            }
            else if (resource.IsType("AWS::SQS::QueueInlinePolicy"))
            {
                _policies.Add((QueueIds(resource.Property("Queue").Items()), resource.Property("PolicyDocument")));
            }
        }
    }

    /// <summary>True when a policy lets <paramref name="servicePrincipal"/> (<c>sns.amazonaws.com</c>) send to the queue.</summary>
    public bool AllowsSend(SqsQueue queue, string servicePrincipal)
    {
        ArgumentNullException.ThrowIfNull(queue);
        foreach (var (queues, document) in _policies)
        {
            if (queues is not null && !queues.Contains(queue.LogicalId))
            {
                continue;
            }

            if (document is not MappingNode doc || doc["Statement"] is not { } statements
                || statements.Items().Any(s => s is not MappingNode || Allows((MappingNode)s, servicePrincipal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The logical ids of the queues (<c>!Ref Queue</c> is its URL), or null when one cannot be read.</summary>
    private static HashSet<string>? QueueIds(IEnumerable<Node> queues)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            var reference = ResourceReference.From(queue);
            if (reference is not { Kind: ReferenceKind.Ref or ReferenceKind.GetAtt, LogicalId: { } id })
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    private static bool Allows(MappingNode statement, string servicePrincipal)
    {
        if (statement["Effect"].Text() is not "Allow")
        {
            return false;
        }

        var actions = statement["Action"].Items().ToList();
        if (actions.Count == 0 || actions.Any(a => a.Text() is not { } text
                || text is "*" or "sqs:*" || text.StartsWith("sqs:Send", StringComparison.OrdinalIgnoreCase)))
        {
            return PrincipalIncludes(statement["Principal"], servicePrincipal);
        }

        return false;
    }

    private static bool PrincipalIncludes(Node? principal, string servicePrincipal) => principal switch
    {
        null => true,
        ScalarNode s => s.Text == "*",
        MappingNode m => m.Entries.Any(e => e.Value.Items().Any(p => p.Text() is not { } text || text == "*" || text == servicePrincipal)),
        _ => true,
    };
}
