package io.accessplane.audit.posture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The outcome of one posture check: passed when it has no findings. */
public record CheckResult(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("severity") String severity,
        @JsonProperty("anchor") String anchor,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("findings") List<Finding> findings) {

    /** A result from its findings. */
    public static CheckResult of(PostureCheck check, List<Finding> findings) {
        return new CheckResult(check.id(), check.title(), check.severity(), check.anchor(), findings.isEmpty(),
                List.copyOf(findings));
    }
}
