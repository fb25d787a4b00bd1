package io.accessplane.secgroup.rest.listing;

import java.util.Collection;
import java.util.Set;

/** The four tag filters of Neutron's tagging extension and how each one tests a row's tags. */
public enum TagMatch {
    /** {@code tags}: the row has every listed tag. */
    ALL("tags"),
    /** {@code tags-any}: the row has at least one listed tag. */
    ANY("tags-any"),
    /** {@code not-tags}: the row lacks at least one listed tag. */
    NOT_ALL("not-tags"),
    /** {@code not-tags-any}: the row has none of the listed tags. */
    NOT_ANY("not-tags-any");

    private final String parameter;

    TagMatch(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter name. */
    public String parameter() {
        return parameter;
    }

    /** The filter named by a query parameter, or null when the name is not a tag filter. */
    static TagMatch forParameter(String name) {
        for (TagMatch match : values()) {
            if (match.parameter.equals(name)) {
                return match;
            }
        }
        return null;
    }

    /** Whether a row carrying {@code rowTags} passes this filter for {@code wanted}. */
    boolean test(Set<String> wanted, Collection<String> rowTags) {
        return switch (this) {
            case ALL -> rowTags.containsAll(wanted);
            case ANY -> wanted.stream().anyMatch(rowTags::contains);
            case NOT_ALL -> !rowTags.containsAll(wanted);
            case NOT_ANY -> wanted.stream().noneMatch(rowTags::contains);
        };
    }
}
