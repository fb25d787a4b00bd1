package io.accessplane.credential.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessplane.credential.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The service catalog returned with tokens: identity, compute, network and audit endpoints. */
@ApplicationScoped
public class Catalog {

    /** One endpoint of a service. */
    public record Endpoint(@JsonProperty("id") String id, @JsonProperty("interface") String iface,
            @JsonProperty("region") String region, @JsonProperty("region_id") String regionId,
            @JsonProperty("url") String url) {
    }

    /** One service and its endpoints. */
    public record Service(@JsonProperty("id") String id, @JsonProperty("type") String type,
            @JsonProperty("name") String name, @JsonProperty("endpoints") List<Endpoint> endpoints) {
    }

    private final List<Service> services;

    public Catalog(IdentityConfig config) {
        IdentityConfig.Catalog c = config.catalog();
        services = List.of(
                service("identity", "keystone", c.identityUrl(), c.region()),
                service("compute", "nova", c.computeUrl(), c.region()),
                service("network", "neutron", c.networkUrl(), c.region()),
                service("audit", "accessplane-audit", c.auditUrl(), c.region()));
    }

    /** The catalog entries. */
    public List<Service> services() {
        return services;
    }

    private static Service service(String type, String name, String url, String region) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String iface : List.of("public", "internal", "admin")) {
            endpoints.add(new Endpoint(stableId(type + "/" + iface), iface, region, region, url));
        }
        return new Service(stableId(type), type, name, endpoints);
    }

    private static String stableId(String seed) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
