package io.accessplane.audit.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of the activity log and the cursor of the next page (null on the last). */
public record EventPage(List<ObjectNode> events, String next) {
}
