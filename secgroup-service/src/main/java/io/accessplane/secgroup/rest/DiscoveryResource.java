package io.accessplane.secgroup.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Neutron's version document, resource list and extension list (what clients probe first). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    /** The extensions this service implements: alias, name and description. */
    static final List<List<String>> EXTENSIONS = List.of(
            List.of("security-group", "security-group", "The security groups extension."),
            List.of("stateful-security-group", "Stateful security group", "Indicates if the security group is stateful or not"),
            List.of("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"),
            List.of("standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."),
            List.of("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."),
            List.of("standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip", "Enables to set tag on resources with standard attribute."),
            List.of("revision-if-match", "If-Match constraints based on revision_number", "Extension indicating that If-Match based on revision_number is supported."),
            List.of("security-groups-normalized-cidr", "Security group with normalized cidr", "Add new field with normalized remote_ip_prefix cidr in SG rule"),
            List.of("security-groups-default-rules", "Security group default rules template", "Security group default rules template"),
            List.of("security-groups-rules-belongs-to-default-sg", "Security group rule belongs to the project's default security group", "Flag to determine if the security group rule belongs to the project's default security group"),
            List.of("pagination", "Pagination support", "Extension that indicates that pagination is enabled."),
            List.of("sorting", "Sorting support", "Extension that indicates that sorting is enabled."),
            List.of("filter-validation", "Filter parameters validation", "Provides validation on filter parameters."),
            List.of("quotas", "Quota management support", "Expose functions for quotas management per project"),
            List.of("quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"),
            List.of("security-group-rule-description-update", "Security group rule description update",
                    "accessplane: the description of a security group rule can be changed in place (PUT); nothing else of a rule changes."),
            List.of("security-group-evaluate", "Security group flow evaluation",
                    "accessplane: POST /v2.0/security-groups/{id}/evaluate answers whether a flow is allowed and by which rules."),
            List.of("security-group-templates", "Security group templates",
                    "accessplane: POST /v2.0/security-groups with a template creates a group with the template's rules."));

    /** {@code GET /}: the API versions. */
    @Operation(summary = "List network API versions")
    @GET
    public Map<String, Object> versions(@Context UriInfo uri) {
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("href", base(uri) + "/v2.0/", "rel", "self")))));
    }

    /** {@code GET /v2.0}: the resources of the version. */
    @Operation(summary = "List network API v2.0 resources")
    @GET
    @Path("v2.0")
    public Map<String, Object> resources(@Context UriInfo uri) {
        String base = base(uri) + "/v2.0/";
        return Map.of("resources", List.of("security_group", "security_group_rule", "default_security_group_rule", "quota")
                .stream().map(n -> Map.of("name", n, "collection", n + "s",
                        "links", List.of(Map.of("href", base + n.replace('_', '-') + "s", "rel", "self"))))
                .toList());
    }

    /** {@code GET /v2.0/extensions}. */
    @Operation(summary = "List network API extensions")
    @GET
    @Path("v2.0/extensions")
    public Map<String, Object> extensions() {
        return Map.of("extensions", EXTENSIONS.stream().map(DiscoveryResource::extension).toList());
    }

    /** {@code GET /v2.0/extensions/{alias}}. */
    @Operation(summary = "Show a network API extension")
    @GET
    @Path("v2.0/extensions/{alias}")
    public Map<String, Object> extension(@PathParam("alias") String alias) {
        return EXTENSIONS.stream().filter(e -> e.get(0).equals(alias)).findFirst()
                .map(e -> Map.<String, Object>of("extension", extension(e)))
                .orElseThrow(() -> new NeutronException(404, "HTTPNotFound", "Extension with alias " + alias
                        + " does not exist"));
    }

    static Map<String, Object> extension(List<String> e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.get(1));
        m.put("alias", e.get(0));
        m.put("description", e.get(2));
        m.put("updated", "2013-10-05T10:00:00-00:00");
        m.put("links", List.of());
        return m;
    }

    static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
