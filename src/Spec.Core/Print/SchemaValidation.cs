namespace Spec.Core.Print;

/// <summary>
/// The side effects of the Framework's config validation (<c>ConfigSchemaHandler.validateConfig</c>) that show in
/// <c>print</c>: keys whose value is null are removed before Ajv runs and put back afterwards with lodash
/// <c>_.set</c>, so they end up last in their object; and Ajv's <c>coerceTypes: 'array'</c> rewrites values to
/// the types the schema asks for (<see cref="SchemaCoercion"/>).
/// </summary>
internal static class SchemaValidation
{
    public static void Apply(PrintObject config)
    {
        var removed = new List<(PrintObject Parent, string Key)>();
        RemoveNulls(config, removed);
        SchemaCoercion.Apply(config);
        foreach (var (parent, key) in removed)
        {
            parent.Set(key, PrintNull.Instance);
        }
    }

    private static void RemoveNulls(PrintValue value, List<(PrintObject, string)> removed)
    {
        switch (value)
        {
            case PrintArray a:
                foreach (var item in a.Items)
                {
                    RemoveNulls(item, removed);
                }

                break;
            case PrintObject o:
                // In place, without copying the keys: a removed key's successor moves into its position.
                for (var i = 0; i < o.Entries.Count;)
                {
                    var (key, child) = o.Entries[i];
                    if (child is PrintNull)
                    {
                        removed.Add((o, key));
                        o.Remove(key);
                    }
                    else
                    {
                        RemoveNulls(child, removed);
                        i++;
                    }
                }

                break;
        }
    }
}
