package io.accessplane.secgroup.rest.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way Neutron refuses a list query, with its error type and exact message. */
class ListQueryRejectionTest {

    private static final String PROTOCOLS = "(None, 'any', 'ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', "
            + "'igmp', 'ip', 'ipip', 'ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', "
            + "'ipv6-route', 'ospf', 'pgm', 'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp')";

    private static ResourceSchema schema(String name) {
        return switch (name) {
            case "sg" -> ResourceSchema.SECURITY_GROUPS;
            case "rule" -> ResourceSchema.SECURITY_GROUP_RULES;
            case "default" -> ResourceSchema.DEFAULT_SECURITY_GROUP_RULES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "[{index}] {0} ?{1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // unknown / non-filter keys (api_common.get_filters_from_dict)
        "sg      | foo=1                              | HTTPBadRequest | ['foo'] is invalid attribute for filtering",
        "sg      | foo=1&name=x&bar=2                 | HTTPBadRequest | ['foo', 'bar'] is invalid attribute for filtering",
        "sg      | security_group_rules=x             | HTTPBadRequest | ['security_group_rules'] is invalid attribute for filtering",
        "sg      | created_at=2024-01-01              | HTTPBadRequest | ['created_at'] is invalid attribute for filtering",
        "sg      | updated_at=2024-01-01              | HTTPBadRequest | ['updated_at'] is invalid attribute for filtering",
        "sg      | changed_since=2024-01-01T00:00:00Z | HTTPBadRequest | ['changed_since'] is invalid attribute for filtering",
        "sg      | is_default=true                    | HTTPBadRequest | ['is_default'] is invalid attribute for filtering",
        "sg      | Name=x                             | HTTPBadRequest | ['Name'] is invalid attribute for filtering",
        "sg      | tags_any=x                         | HTTPBadRequest | ['tags_any'] is invalid attribute for filtering",
        "sg      | foo=                               | HTTPBadRequest | ['foo'] is invalid attribute for filtering",
        "rule    | tags=a                             | HTTPBadRequest | ['tags'] is invalid attribute for filtering",
        "rule    | not-tags-any=a                     | HTTPBadRequest | ['not-tags-any'] is invalid attribute for filtering",
        "rule    | name=a                             | HTTPBadRequest | ['name'] is invalid attribute for filtering",
        "rule    | created_at=x                       | HTTPBadRequest | ['created_at'] is invalid attribute for filtering",
        "default | project_id=p                       | HTTPBadRequest | ['project_id'] is invalid attribute for filtering",
        "default | tenant_id=p                        | HTTPBadRequest | ['tenant_id'] is invalid attribute for filtering",
        "default | security_group_id=x                | HTTPBadRequest | ['security_group_id'] is invalid attribute for filtering",
        "default | tags=x                             | HTTPBadRequest | ['tags'] is invalid attribute for filtering",
        "sg      | a%0Ab=1                            | HTTPBadRequest | ['a\\nb'] is invalid attribute for filtering",
        "sg      | a%5Cb=1                            | HTTPBadRequest | ['a\\\\b'] is invalid attribute for filtering",
        // converters run inside the loop, so they win over invalid keys
        "sg      | foo=1&stateful=maybe               | InvalidInput   | Invalid input for operation: 'maybe' cannot be converted to boolean.",
        "sg      | stateful=                          | InvalidInput   | Invalid input for operation: '' cannot be converted to boolean.",
        "sg      | shared=2                           | InvalidInput   | Invalid input for operation: '2' cannot be converted to boolean.",
        "sg      | shared=true&shared=nope            | InvalidInput   | Invalid input for operation: 'nope' cannot be converted to boolean.",
        "rule    | belongs_to_default_sg=yep          | InvalidInput   | Invalid input for operation: 'yep' cannot be converted to boolean.",
        "default | used_in_default_sg=truth           | InvalidInput   | Invalid input for operation: 'truth' cannot be converted to boolean.",
        "default | used_in_non_default_sg=-1          | InvalidInput   | Invalid input for operation: '-1' cannot be converted to boolean.",
        "rule    | protocol=foo                       | SecurityGroupRuleInvalidProtocol | Security group rule protocol foo not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "rule    | protocol=256                       | SecurityGroupRuleInvalidProtocol | Security group rule protocol 256 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "rule    | protocol=-1                        | SecurityGroupRuleInvalidProtocol | Security group rule protocol -1 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "rule    | protocol=                          | SecurityGroupRuleInvalidProtocol | Security group rule protocol  not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "default | protocol=icmp6                     | SecurityGroupRuleInvalidProtocol | Security group rule protocol icmp6 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "rule    | port_range_min=65536               | SecurityGroupInvalidPortValue | Invalid value for port 65536",
        "rule    | port_range_max=-1                  | SecurityGroupInvalidPortValue | Invalid value for port -1",
        "rule    | port_range_max=http               | SecurityGroupInvalidPortValue | Invalid value for port http",
        "rule    | port_range_min=                    | SecurityGroupInvalidPortValue | \"Invalid value for port \"",
        "default | port_range_min=22.0                | SecurityGroupInvalidPortValue | Invalid value for port 22.0",
        "rule    | ethertype=IPv5                     | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype 'IPv5' not supported. Allowed values are ['IPv4', 'IPv6'].",
        "rule    | ethertype=                         | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype '' not supported. Allowed values are ['IPv4', 'IPv6'].",
        "rule    | remote_ip_prefix=10.0.0.256        | InvalidCIDR    | Invalid CIDR 10.0.0.256 given as IP prefix.",
        "rule    | remote_ip_prefix=010.0.0.1         | InvalidCIDR    | Invalid CIDR 010.0.0.1 given as IP prefix.",
        "rule    | remote_ip_prefix=10.0.0.0/33       | InvalidCIDR    | Invalid CIDR 10.0.0.0/33 given as IP prefix.",
        "default | remote_ip_prefix=10/8              | InvalidCIDR    | Invalid CIDR 10/8 given as IP prefix.",
        "rule    | remote_ip_prefix=::1/129           | InvalidCIDR    | Invalid CIDR ::1/129 given as IP prefix.",
        // limit (api_common._get_limit_param: BadRequest(resource='limit'))
        "sg      | limit=abc                          | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not 'abc'.",
        "sg      | limit=-1                           | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not '-1'.",
        "sg      | limit=-05                          | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not '-5'.",
        "sg      | limit=1.5                          | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not '1.5'.",
        "sg      | limit=                             | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not ''.",
        "sg      | limit=2&limit=two                  | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not 'two'.",
        "rule    | limit=0x10                         | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not '0x10'.",
        // sorting (api_common.get_sorts)
        "sg      | sort_key=name                      | HTTPBadRequest | The number of sort_keys and sort_dirs must be same",
        "sg      | sort_dir=asc                       | HTTPBadRequest | The number of sort_keys and sort_dirs must be same",
        "sg      | sort_key=name&sort_key=id&sort_dir=asc | HTTPBadRequest | The number of sort_keys and sort_dirs must be same",
        "sg      | sort_key=created_at&sort_dir=asc   | HTTPBadRequest | ['created_at'] is invalid attribute for sort_keys",
        "sg      | sort_key=stateful&sort_key=foo&sort_dir=asc&sort_dir=desc | HTTPBadRequest | ['stateful', 'foo'] is invalid attribute for sort_keys",
        "sg      | sort_key=description&sort_dir=asc  | HTTPBadRequest | ['description'] is invalid attribute for sort_keys",
        "sg      | sort_key=shared&sort_dir=asc       | HTTPBadRequest | ['shared'] is invalid attribute for sort_keys",
        "sg      | sort_key=revision_number&sort_dir=asc | HTTPBadRequest | ['revision_number'] is invalid attribute for sort_keys",
        "rule    | sort_key=belongs_to_default_sg&sort_dir=asc | HTTPBadRequest | ['belongs_to_default_sg'] is invalid attribute for sort_keys",
        "default | sort_key=used_in_default_sg&sort_dir=asc | HTTPBadRequest | ['used_in_default_sg'] is invalid attribute for sort_keys",
        "default | sort_key=project_id&sort_dir=asc   | HTTPBadRequest | ['project_id'] is invalid attribute for sort_keys",
        "sg      | sort_key=name&sort_dir=ASC         | HTTPBadRequest | ['ASC'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'",
        "sg      | sort_key=name&sort_key=id&sort_dir=up&sort_dir=down | HTTPBadRequest | ['up', 'down'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'",
        "sg      | sort_key=foo&sort_dir=up           | HTTPBadRequest | ['foo'] is invalid attribute for sort_keys",
        // the model check in neutron-lib db/utils.get_and_validate_sort_keys comes last
        "rule    | sort_key=normalized_cidr&sort_dir=asc | BadRequest  | Bad securitygrouprules request: 'normalized_cidr' is an invalid attribute for sort key.",
        // order of checks: filters, then limit, then sorts
        "sg      | limit=x&foo=1                      | HTTPBadRequest | ['foo'] is invalid attribute for filtering",
        "sg      | sort_key=name&limit=x              | BadRequest     | Bad limit request: Limit must be an integer 0 or greater and not 'x'.",
        "rule    | sort_key=normalized_cidr&sort_dir=asc&sort_key=foo&sort_dir=asc | HTTPBadRequest | ['foo'] is invalid attribute for sort_keys",
    })
    void rejects(String resource, String query, String type, String message) {
        ListQueryRejection rejection = assertThrows(ListQueryRejection.class,
                () -> Requests.query(query, schema(resource)));
        assertEquals(type, rejection.type());
        assertEquals(400, rejection.status());
        assertEquals(message.replace("{P}", PROTOCOLS), rejection.message());
    }

    @Test
    void quotesAKeyLikePythonRepr() {
        ListQueryRejection rejection = assertThrows(ListQueryRejection.class,
                () -> Requests.query("it's=1", ResourceSchema.SECURITY_GROUPS));
        assertEquals("[\"it's\"] is invalid attribute for filtering", rejection.message());
        ListQueryRejection both = assertThrows(ListQueryRejection.class,
                () -> Requests.query("a'%22b=1", ResourceSchema.SECURITY_GROUPS));
        assertEquals("['a\\'\"b'] is invalid attribute for filtering", both.message());
    }

    @Test
    void carriesNeutronErrorBody() {
        ListQueryRejection rejection = assertThrows(ListQueryRejection.class,
                () -> Requests.query("foo=1", ResourceSchema.SECURITY_GROUPS));
        assertEquals(Map.of("NeutronError", Map.of("type", "HTTPBadRequest",
                "message", "['foo'] is invalid attribute for filtering", "detail", "")), rejection.toBody());
    }

    @Test
    void unknownKeysPassWhenFilterValidationIsOff() {
        ListQuery query = ListQuery.parse(Requests.params("foo=1&tags-any=x&name=a"),
                ResourceSchema.SECURITY_GROUP_RULES, new ListSettings(-1, false));
        assertEquals(Map.of(), query.filters());
        assertEquals(List.of(), query.tagFilters());
    }
}
