package io.accessplane.e2e.bench;

import java.util.UUID;

/**
 * A new project with one member (role {@code member}) and that member's project-scoped token,
 * made through the identity API before a benchmark's clock starts.
 */
record BenchMember(String projectId, String userId, String token) {

    /** Creates the project and user, grants the role and issues the member's token. */
    static BenchMember create(String identity, String adminToken, String memberRoleId, String projectName,
            String userName) throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String project = KeystoneSideBySideBenchmark.call("POST", identity + "/v3/projects", adminToken,
                "{\"project\":{\"name\":\"" + projectName + "\",\"domain_id\":\"default\"}}", 201).path("project")
                .path("id").asText();
        String user = KeystoneSideBySideBenchmark.call("POST", identity + "/v3/users", adminToken,
                "{\"user\":{\"name\":\"" + userName + "\",\"domain_id\":\"default\",\"password\":\"" + password
                        + "\"}}", 201).path("user").path("id").asText();
        KeystoneSideBySideBenchmark.call("PUT", identity + "/v3/projects/" + project + "/users/" + user + "/roles/"
                + memberRoleId, adminToken, null, 204);
        String token = KeystoneSideBySideBenchmark.issue(identity + "/v3/auth/tokens",
                TokenWorkload.passwordBody(userName, password, projectName));
        return new BenchMember(project, user, token);
    }
}
