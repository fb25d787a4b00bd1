package io.accessplane.secgroup.rest.listing;

/** The kind of value an attribute of a resource view holds. */
public enum AttributeType {
    /** A string (or null). */
    STRING,
    /** A boolean. */
    BOOLEAN,
    /** An integer ({@code Integer} or {@code Long}, or null). */
    INTEGER,
    /** A list: the {@code tags} strings, or nested maps such as {@code security_group_rules}. */
    LIST
}
