package io.accessplane.secgroup.rest.listing;

/**
 * Deployment options that shape listing, as in neutron.conf: {@code pagination_max_limit}
 * (0 or negative = infinite, Neutron's default {@code -1}) and {@code filter_validation}
 * (default true: unknown filter keys are rejected with 400).
 */
public record ListSettings(int paginationMaxLimit, boolean filterValidation) {

    /** Neutron's defaults: no maximum page size, filter validation on. */
    public static final ListSettings DEFAULTS = new ListSettings(-1, true);
}
