package io.accessplane.keypair.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization matrix, keystone-protection style: every role against every key pair call,
 * on the caller's own key pairs (from a token scoped to the project it created them in, and to
 * another project: key pairs belong to the user) and on another user's (named with
 * {@code user_id}, microversion 2.10). Each row sets up its own users, so rows are independent.
 */
@QuarkusTest
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class KeypairAuthorizationMatrixTest {

    static final String ED25519 = KeyPairApiTest.ED25519;

    /** Whose key pairs the call is about. */
    enum Target { OWN, OWN_FROM_ANOTHER_PROJECT, OTHER_USER }

    /** The calls of the API. */
    enum Call { LIST, SHOW, CREATE, DELETE }

    /** Expected status per call when allowed; every denial is Nova's 403 forbidden body. */
    static int allowedStatus(Call call) {
        return switch (call) {
            case LIST, SHOW -> 200;
            case CREATE -> 201;
            case DELETE -> 204;
        };
    }

    /** role, call, target, allowed. */
    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Call call : Call.values()) {
                boolean own = target != Target.OTHER_USER;
                boolean read = call == Call.LIST || call == Call.SHOW;
                rows.add(Arguments.of("admin", call, target, true));
                rows.add(Arguments.of("member", call, target, own));
                rows.add(Arguments.of("reader", call, target, own && read));
                rows.add(Arguments.of("no-role", call, target, false));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> allowed={3}")
    @MethodSource("matrix")
    void roleCallTarget(String role, Call call, Target target, boolean allowed) {
        String caller = "u" + UUID.randomUUID().toString().replace("-", "");
        String other = "u" + UUID.randomUUID().toString().replace("-", "");
        String owner = target == Target.OTHER_USER ? other : caller;
        String homeProject = "project-" + caller;
        // the key pair the call is about, created by its owner (a member) in the owner's project
        as(TestTokens.sign(TestTokens.claims(owner, "project-" + owner, List.of("member"))))
                .body(Map.of("keypair", Map.of("name", "existing", "public_key", ED25519)))
                .post("/v2.1/os-keypairs").then().statusCode(201);

        String project = target == Target.OWN_FROM_ANOTHER_PROJECT ? "elsewhere-" + caller : homeProject;
        List<String> roles = "no-role".equals(role) ? List.of() : List.of(role);
        RequestSpecification request = as(TestTokens.sign(TestTokens.claims(caller, project, roles)));
        String userParam = target == Target.OTHER_USER ? "?user_id=" + other : "";
        Response response = switch (call) {
            case LIST -> request.get("/v2.1/os-keypairs" + userParam);
            case SHOW -> request.get("/v2.1/os-keypairs/existing" + userParam);
            case CREATE -> request.body(Map.of("keypair", target == Target.OTHER_USER
                    ? Map.of("name", "new", "public_key", ED25519, "user_id", other)
                    : Map.of("name", "new", "public_key", ED25519))).post("/v2.1/os-keypairs");
            case DELETE -> request.delete("/v2.1/os-keypairs/existing" + userParam);
        };

        if (allowed) {
            assertEquals(allowedStatus(call), response.statusCode(), response.asString());
            if (call == Call.LIST) {
                assertEquals(List.of("existing"), response.jsonPath().getList("keypairs.keypair.name"));
            }
            if (call == Call.SHOW || call == Call.CREATE) {
                assertEquals(owner, response.jsonPath().getString("keypair.user_id"));
            }
        } else {
            assertEquals(403, response.statusCode(), response.asString());
            response.then().body("forbidden.code", is(403));
        }
        // the owner's key pairs afterwards: changed exactly when the call was allowed
        List<String> names = as(TestTokens.sign(TestTokens.claims(owner, "project-" + owner, List.of("reader"))))
                .get("/v2.1/os-keypairs").jsonPath().getList("keypairs.keypair.name");
        List<String> expected = switch (call) {
            case CREATE -> allowed ? List.of("existing", "new") : List.of("existing");
            case DELETE -> allowed ? List.of() : List.of("existing");
            default -> List.of("existing");
        };
        assertEquals(expected, names.stream().sorted().toList());
    }

    static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.10")
                .contentType(ContentType.JSON);
    }
}
