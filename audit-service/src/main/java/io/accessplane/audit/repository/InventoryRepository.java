package io.accessplane.audit.repository;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the inventory projections the ingest loop maintains. */
@ApplicationScoped
public class InventoryRepository {

    /** A live key pair. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KeypairItem(String keyId, String projectId, String userId, String name, String algorithm,
            Integer bits, String fingerprint, Boolean generated, Instant createdAt, String createdBy,
            Instant lastUsedAt) {
    }

    /** A live application credential. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CredentialItem(String credentialId, String projectId, String userId, String name, List<String> roles,
            boolean unrestricted, Instant expiresAt, Instant createdAt, String createdBy, Instant lastUsedAt,
            String lastUsedFrom) {
    }

    /** A live security group rule. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleItem(String ruleId, String projectId, String securityGroupId, String direction,
            String ethertype, String protocol, Integer portMin, Integer portMax, String remoteIpPrefix,
            String remoteGroupId, Instant createdAt) {
    }

    /** How a user has been logging in to a project. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LoginItem(String userId, String projectId, String method, long count, Instant firstAt,
            Instant lastAt, String userAgents) {
    }

    private final Pool pool;

    public InventoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Key pairs of a project, or of every project when null. */
    public Uni<List<KeypairItem>> keypairs(String projectId) {
        return list("SELECT key_id, project_id, user_id, name, algorithm, bits, fingerprint, generated, created_at, "
                + "created_by, last_used_at FROM keypair_inventory", projectId, " ORDER BY created_at, key_id",
                r -> new KeypairItem(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getInteger(5), r.getString(6), r.getBoolean(7), instant(r, 8), r.getString(9), instant(r, 10)));
    }

    /** Application credentials of a project, or of every project when null. */
    public Uni<List<CredentialItem>> credentials(String projectId) {
        return list("SELECT credential_id, project_id, user_id, name, roles, unrestricted, expires_at, created_at, "
                + "created_by, last_used_at, last_used_from FROM credential_inventory", projectId,
                " ORDER BY created_at, credential_id",
                r -> new CredentialItem(r.getString(0), r.getString(1), r.getString(2), r.getString(3), roles(r.getString(4)),
                        r.getBoolean(5), instant(r, 6), instant(r, 7), r.getString(8), instant(r, 9), r.getString(10)));
    }

    /** Security group rules of a project. */
    public Uni<List<RuleItem>> rules(String projectId) {
        return list("SELECT rule_id, project_id, security_group_id, direction, ethertype, protocol, port_range_min, "
                + "port_range_max, remote_ip_prefix, remote_group_id, created_at FROM rule_inventory", projectId,
                " ORDER BY created_at, rule_id",
                r -> new RuleItem(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getInteger(6), r.getInteger(7), r.getString(8), r.getString(9), instant(r, 10)));
    }

    /** Logins to a project by user and method. */
    public Uni<List<LoginItem>> logins(String projectId) {
        return list("SELECT user_id, project_id, method, count, first_at, last_at, user_agents FROM login_inventory",
                projectId, " ORDER BY user_id, method",
                r -> new LoginItem(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), instant(r, 4),
                        instant(r, 5), r.getString(6)));
    }

    private <T> Uni<List<T>> list(String select, String projectId, String order, Function<Row, T> map) {
        String sql = select + (projectId == null ? "" : " WHERE project_id = $1") + order;
        Tuple params = projectId == null ? Tuple.tuple() : Tuple.of(projectId);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<T> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(map.apply(r));
            }
            return out;
        });
    }

    private static List<String> roles(String json) {
        List<String> out = new ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode n : io.accessplane.platform.events.EventJson.mapper().readTree(json)) {
                out.add(n.asText());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static Instant instant(Row r, int column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
