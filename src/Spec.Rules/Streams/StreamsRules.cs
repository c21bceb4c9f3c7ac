namespace Spec.Rules.Engine;

/// <summary>The Streams rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddStreamRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Streams.StreamSettingOutOfRange());
        rules.Add(new Spec.Rules.Streams.StreamStartingPositionIncomplete());
        rules.Add(new Spec.Rules.Streams.StreamTableWithoutStream());
        rules.Add(new Spec.Rules.Streams.StreamPoisonPillRisk());
        rules.Add(new Spec.Rules.Streams.AtTimestampOnDynamoDbStream());
        rules.Add(new Spec.Rules.Streams.LocalIndexWithoutSortKey());
        rules.Add(new Spec.Rules.Streams.DynamoDbKeySchemaInconsistent());
        rules.Add(new Spec.Rules.Streams.StreamFailureDestinationUnsupported());
        rules.Add(new Spec.Rules.Streams.TooManyTableIndexes());
        rules.Add(new Spec.Rules.Streams.StreamViewTypeInvalid());
        rules.Add(new Spec.Rules.Streams.KinesisStreamSettingsInvalid());
    }
}
