package io.accessplane.audit.posture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A project's posture: a score out of 100 and every check with its findings. */
public record PostureReport(
        @JsonProperty("project_id") String projectId,
        @JsonProperty("score") int score,
        @JsonProperty("evaluated_at") Instant evaluatedAt,
        @JsonProperty("checks") List<CheckResult> checks) {
}
