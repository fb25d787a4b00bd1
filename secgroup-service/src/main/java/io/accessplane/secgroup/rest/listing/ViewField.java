package io.accessplane.secgroup.rest.listing;

import java.util.Map;

/** Reads one attribute of a view, treating {@code project_id} and {@code tenant_id} as one. */
final class ViewField {

    private ViewField() {
    }

    /** The value, or null when absent; a missing project_id/tenant_id falls back to the other. */
    static Object read(Map<String, Object> view, String name) {
        if (view.containsKey(name)) {
            return view.get(name);
        }
        if (name.equals("project_id")) {
            return view.get("tenant_id");
        }
        if (name.equals("tenant_id")) {
            return view.get("project_id");
        }
        return null;
    }
}
