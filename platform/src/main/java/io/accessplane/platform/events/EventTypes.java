package io.accessplane.platform.events;

/** Builds accessplane event type names: {@code io.accessplane.<resource>.<action>.v1}. */
public final class EventTypes {
    /** The prefix every accessplane event type starts with. */
    public static final String PREFIX = "io.accessplane.";

    private EventTypes() {
    }

    /** The type name for an action on a resource, e.g. {@code of("keypair", "created")}. */
    public static String of(String resource, String action) {
        if (!resource.matches("[a-z][a-z_]*") || !action.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("resource and action are lower-case words");
        }
        return PREFIX + resource + "." + action + ".v1";
    }
}
