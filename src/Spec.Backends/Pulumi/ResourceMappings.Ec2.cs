using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>
/// VPC basics from <c>resources:</c> (VPC, internet gateway and its attachment, subnets, security groups, route tables,
/// routes and subnet associations) as their <c>aws:ec2:*</c> classes.
/// </summary>
internal static partial class ResourceMappings
{
    private static IEnumerable<ResourceMap> Ec2Mappings()
    {
        yield return new("AWS::EC2::VPC", new("ec2", "Vpc"),
        [
            S("CidrBlock", "cidrBlock"), B("EnableDnsSupport", "enableDnsSupport"), B("EnableDnsHostnames", "enableDnsHostnames"),
            S("InstanceTenancy", "instanceTenancy"), S("Ipv4IpamPoolId", "ipv4IpamPoolId"), I("Ipv4NetmaskLength", "ipv4NetmaskLength"), Tags(),
        ], "id", A("VpcId", "id", "CidrBlock", "cidrBlock", "DefaultSecurityGroup", "defaultSecurityGroupId", "DefaultNetworkAcl", "defaultNetworkAclId"));

        yield return new("AWS::EC2::InternetGateway", new("ec2", "InternetGateway"), [Tags()], "id", A("InternetGatewayId", "id"));

        // an attachment of a VPN gateway (VpnGatewayId) is another classic resource: not mapped
        yield return new("AWS::EC2::VPCGatewayAttachment", new("ec2", "InternetGatewayAttachment"),
            [S("VpcId", "vpcId"), S("InternetGatewayId", "internetGatewayId")], "id", A());

        yield return new("AWS::EC2::Subnet", new("ec2", "Subnet"),
        [
            S("VpcId", "vpcId"), S("CidrBlock", "cidrBlock"), S("AvailabilityZone", "availabilityZone"), S("AvailabilityZoneId", "availabilityZoneId"),
            B("MapPublicIpOnLaunch", "mapPublicIpOnLaunch"), S("Ipv6CidrBlock", "ipv6CidrBlock"),
            B("AssignIpv6AddressOnCreation", "assignIpv6AddressOnCreation"), Tags(),
        ], "id", A("SubnetId", "id", "AvailabilityZone", "availabilityZone", "VpcId", "vpcId", "CidrBlock", "cidrBlock"));

        yield return new("AWS::EC2::SecurityGroup", new("ec2", "SecurityGroup"), [], "id", A("GroupId", "id", "VpcId", "vpcId"))
        {
            Inputs = SecurityGroupInputs,
        };

        yield return new("AWS::EC2::RouteTable", new("ec2", "RouteTable"), [S("VpcId", "vpcId"), Tags()], "id", A("RouteTableId", "id"));

        yield return new("AWS::EC2::Route", new("ec2", "Route"),
        [
            S("RouteTableId", "routeTableId"), S("DestinationCidrBlock", "destinationCidrBlock"),
            S("DestinationIpv6CidrBlock", "destinationIpv6CidrBlock"), S("DestinationPrefixListId", "destinationPrefixListId"),
            S("GatewayId", "gatewayId"), S("NatGatewayId", "natGatewayId"), S("NetworkInterfaceId", "networkInterfaceId"),
            S("VpcPeeringConnectionId", "vpcPeeringConnectionId"), S("TransitGatewayId", "transitGatewayId"), S("VpcEndpointId", "vpcEndpointId"),
            S("EgressOnlyInternetGatewayId", "egressOnlyGatewayId"),
        ], "id", A());

        yield return new("AWS::EC2::SubnetRouteTableAssociation", new("ec2", "RouteTableAssociation"),
            [S("SubnetId", "subnetId"), S("RouteTableId", "routeTableId")], "id", A("Id", "id"));
    }

    private static readonly PropertyMap[] SecurityGroupProps =
    [
        S("GroupDescription", "description"), S("GroupName", "name"), S("VpcId", "vpcId"), Tags(),
        P("SecurityGroupIngress", "ingress", (c, v) => SecurityGroupRules(c, v, "ec2.SecurityGroupIngress", "SourceSecurityGroupId", "SourcePrefixListId")),
        P("SecurityGroupEgress", "egress", (c, v) => SecurityGroupRules(c, v, "ec2.SecurityGroupEgress", "DestinationSecurityGroupId", "DestinationPrefixListId")),
    ];

    /// <summary>
    /// A security group without <c>SecurityGroupEgress</c> keeps the allow-all egress rule AWS creates in CloudFormation;
    /// the classic resource removes that rule unless it is declared, so the program declares it.
    /// </summary>
    private static List<KeyValuePair<string, PulumiValue>>? SecurityGroupInputs(ValueConverter c, JsonObject properties)
    {
        if (Entries(c, properties, SecurityGroupProps) is not { } entries)
        {
            return null;
        }

        if (properties["SecurityGroupEgress"] is null)
        {
            entries.Add(new("egress", new PulumiList(
            [
                new PulumiObject(
                [
                    new("protocol", PulumiLiteral.String("-1")), new("fromPort", PulumiLiteral.Number("0")), new("toPort", PulumiLiteral.Number("0")),
                    new("cidrBlocks", new PulumiList([PulumiLiteral.String("0.0.0.0/0")])),
                ], "ec2.SecurityGroupEgress"),
            ])));
        }

        return entries;
    }

    /// <summary>
    /// CloudFormation rules name one source or destination each (<c>CidrIp</c>, a group, a prefix list); classic rules
    /// take lists. Ports may be left out for all protocols (<c>-1</c>); classic requires them (0).
    /// </summary>
    private static PulumiValue? SecurityGroupRules(ValueConverter c, JsonNode? value, string argsType, string groupKey, string prefixListKey) =>
        value is JsonArray rules
            ? c.List(rules, node =>
            {
                if (node is not JsonObject rule || ValueConverter.IsIntrinsic(rule) ||
                    Entries(c, rule,
                    [
                        S("IpProtocol", "protocol"), I("FromPort", "fromPort"), I("ToPort", "toPort"), S("Description", "description"),
                        SingleList("CidrIp", "cidrBlocks"), SingleList("CidrIpv6", "ipv6CidrBlocks"), SingleList(groupKey, "securityGroups"),
                        SingleList(prefixListKey, "prefixListIds"),
                    ]) is not { } entries || !entries.Exists(e => e.Key == "protocol"))
                {
                    return null;
                }

                var allProtocols = entries.Exists(e => e.Key == "protocol" && e.Value is PulumiLiteral { Raw: "-1" });
                foreach (var port in new[] { "fromPort", "toPort" })
                {
                    if (!entries.Exists(e => e.Key == port))
                    {
                        if (!allProtocols)
                        {
                            return null;
                        }

                        entries.Add(new(port, PulumiLiteral.Number("0")));
                    }
                }

                return new PulumiObject(entries, argsType);
            })
            : null;

    private static PropertyMap SingleList(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.Str(v) is { } x ? new PulumiList([x]) : null);
}
