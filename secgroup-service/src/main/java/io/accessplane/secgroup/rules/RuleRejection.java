package io.accessplane.secgroup.rules;

/**
 * A rule refused with Neutron's error {@code type} (the exception class name Neutron puts in
 * {@code NeutronError.type}), HTTP status and exact message text.
 *
 * <p>The factories below carry the message templates of {@code neutron/extensions/securitygroup.py},
 * neutron-lib's exceptions and its attribute validators.
 */
public final class RuleRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    /** A rejection with the given Neutron error type, HTTP status and message. */
    public RuleRejection(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    /** Neutron's error type, e.g. {@code SecurityGroupInvalidPortRange}. */
    public String type() {
        return type;
    }

    /** The HTTP status: 400 for invalid input, 409 for duplicates. */
    public int status() {
        return status;
    }

    /** The message text, as Neutron words it. */
    public String message() {
        return getMessage();
    }

    // ---- API-layer checks (neutron-lib api/attributes.py, webob HTTPBadRequest) ----------------

    static RuleRejection requiredAttribute(String attribute) {
        return badRequest("HTTPBadRequest",
                "Failed to parse request. Required attribute '" + attribute + "' not specified");
    }

    static RuleRejection notInValues(String attribute, String value) {
        return badRequest("HTTPBadRequest",
                "Invalid input for " + attribute + ". Reason: " + value + " is not in valid_values.");
    }

    static RuleRejection tooLong(String attribute, String value, int maxLength) {
        return badRequest("HTTPBadRequest", "Invalid input for " + attribute + ". Reason: '" + value
                + "' exceeds maximum length of " + maxLength + ".");
    }

    static RuleRejection invalidProtocol(String protocol) {
        return badRequest("SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + protocol
                + " not supported. Only protocol values " + IpProtocols.supportedProtocolsText()
                + " and integer representations [0 to 255] are supported.");
    }

    static RuleRejection invalidPortValue(Object port) {
        return badRequest("SecurityGroupInvalidPortValue", "Invalid value for port " + port);
    }

    static RuleRejection invalidEthertype(String ethertype) {
        return badRequest("SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '"
                + ethertype + "' not supported. Allowed values are ['IPv4', 'IPv6'].");
    }

    static RuleRejection invalidCidr(String input) {
        return badRequest("InvalidCIDR", "Invalid CIDR " + input + " given as IP prefix.");
    }

    // ---- plugin checks (neutron/db/securitygroups_db.py) -------------------------------------

    static RuleRejection protocolRequiredWithPorts() {
        return badRequest("SecurityGroupProtocolRequiredWithPorts",
                "Must also specify protocol if port range is given.");
    }

    static RuleRejection invalidPortRange() {
        return badRequest("SecurityGroupInvalidPortRange",
                "For TCP/UDP protocols, port_range_min must be <= port_range_max");
    }

    static RuleRejection invalidIcmpValue(String field, String attribute, int value) {
        return badRequest("SecurityGroupInvalidIcmpValue", "Invalid value for ICMP " + field + " ("
                + attribute + ") " + value + ". It must be 0 to 255.");
    }

    static RuleRejection missingIcmpType(int code) {
        return badRequest("SecurityGroupMissingIcmpType", "ICMP code (port-range-max) " + code
                + " is provided but ICMP type (port-range-min) is missing.");
    }

    static RuleRejection invalidProtocolForPort(int protocolNumber) {
        return badRequest("SecurityGroupInvalidProtocolForPort", "Ports cannot be specified for protocol "
                + protocolNumber + ". Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.");
    }

    static RuleRejection parameterConflict(String ethertype, String cidr) {
        return badRequest("SecurityGroupRuleParameterConflict",
                "Conflicting value ethertype " + ethertype + " for CIDR " + cidr);
    }

    static RuleRejection ethertypeConflictWithProtocol(String ethertype, String protocol) {
        return badRequest("SecurityGroupEthertypeConflictWithProtocol",
                "Invalid ethertype " + ethertype + " for protocol " + protocol + ".");
    }

    static RuleRejection multipleRemotes() {
        return badRequest("SecurityGroupMultipleRemoteEntites",
                "Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.");
    }

    static RuleRejection notSingleGroup() {
        return badRequest("SecurityGroupNotSingleGroupRules",
                "Only allowed to update rules for one security profile at a time");
    }

    static RuleRejection duplicateInPost() {
        return new RuleRejection("DuplicateSecurityGroupRuleInPost", 409, "Duplicate Security Group Rule in POST.");
    }

    static RuleRejection ruleExists(String ruleId) {
        return new RuleRejection("SecurityGroupRuleExists", 409,
                "Security group rule already exists. Rule id is " + ruleId + ".");
    }

    /** neutron-lib {@code InvalidInput}: "Invalid input for operation: ...". */
    static RuleRejection invalidInput(String detail) {
        return badRequest("InvalidInput", "Invalid input for operation: " + detail + ".");
    }

    private static RuleRejection badRequest(String type, String message) {
        return new RuleRejection(type, 400, message);
    }
}
