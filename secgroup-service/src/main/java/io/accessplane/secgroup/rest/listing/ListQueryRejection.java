package io.accessplane.secgroup.rest.listing;

import io.accessplane.secgroup.rest.NeutronException;

import java.util.List;

/**
 * A list request refused with Neutron's error {@code type} (what Neutron puts in
 * {@code NeutronError.type}), HTTP status and exact message.
 *
 * <p>Two families exist: webob {@code HTTPBadRequest} raised by neutron/api/api_common.py
 * (filters, sorts), and neutron-lib exceptions ({@code BadRequest}, {@code InvalidInput} and the
 * security-group converters' exceptions) whose message templates are reproduced below.
 */
public final class ListQueryRejection extends NeutronException {

    private static final long serialVersionUID = 1L;

    /** A rejection with the given Neutron error type, HTTP status and message. */
    public ListQueryRejection(String type, int status, String message) {
        super(status, type, message);
    }

    /** The message text, as Neutron words it. */
    public String message() {
        return getMessage();
    }

    // ---- neutron/api/api_common.py (webob HTTPBadRequest: type is the class name) -------------

    static ListQueryRejection invalidFilters(List<String> keys) {
        return http(PythonText.reprList(keys) + " is invalid attribute for filtering");
    }

    static ListQueryRejection sortCountMismatch() {
        return http("The number of sort_keys and sort_dirs must be same");
    }

    static ListQueryRejection invalidSortKeys(List<String> keys) {
        return http(PythonText.reprList(keys) + " is invalid attribute for sort_keys");
    }

    static ListQueryRejection invalidSortDirs(List<String> dirs) {
        return http(PythonText.reprList(dirs)
                + " is invalid value for sort_dirs, valid value is 'asc' and 'desc'");
    }

    /** api_common._get_limit_param: {@code BadRequest(resource='limit', msg=...)}. */
    static ListQueryRejection invalidLimit(String shown) {
        return badRequest("limit", "Limit must be an integer 0 or greater and not '" + shown + "'");
    }

    // ---- neutron-lib db/utils.py get_and_validate_sort_keys -----------------------------------

    static ListQueryRejection notSortableColumn(String table, String key) {
        return badRequest(table, "'" + key + "' is an invalid attribute for sort key");
    }

    // ---- converters (neutron-lib api/converters.py, neutron/extensions/securitygroup.py) -------

    static ListQueryRejection notBoolean(String value) {
        return typed("InvalidInput",
                "Invalid input for operation: '" + value + "' cannot be converted to boolean.");
    }

    static ListQueryRejection invalidProtocol(String value) {
        return typed("SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + value
                + " not supported. Only protocol values " + FilterConversion.SUPPORTED_PROTOCOLS_TEXT
                + " and integer representations [0 to 255] are supported.");
    }

    static ListQueryRejection invalidPort(String value) {
        return typed("SecurityGroupInvalidPortValue", "Invalid value for port " + value);
    }

    static ListQueryRejection invalidEthertype(String value) {
        return typed("SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '" + value
                + "' not supported. Allowed values are ['IPv4', 'IPv6'].");
    }

    static ListQueryRejection invalidCidr(String value) {
        return typed("InvalidCIDR", "Invalid CIDR " + value + " given as IP prefix.");
    }

    private static ListQueryRejection http(String message) {
        return new ListQueryRejection("HTTPBadRequest", 400, message);
    }

    private static ListQueryRejection badRequest(String resource, String msg) {
        return typed("BadRequest", "Bad " + resource + " request: " + msg + ".");
    }

    private static ListQueryRejection typed(String type, String message) {
        return new ListQueryRejection(type, 400, message);
    }
}
