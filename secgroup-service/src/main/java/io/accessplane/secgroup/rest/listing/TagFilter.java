package io.accessplane.secgroup.rest.listing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tag filter: all values of the parameter, each split on commas, pooled into one set
 * ({@code tags=a,b&tags=c} means a, b and c), as neutron/objects/tag.py {@code _get_tag_list} does.
 */
public record TagFilter(TagMatch match, Set<String> tags) {

    /** Freezes the tag set. */
    public TagFilter {
        tags = Set.copyOf(tags);
    }

    /** Pools the raw parameter values; empty pieces stay (Python's {@code str.split(',')}). */
    static TagFilter of(TagMatch match, List<String> rawValues) {
        Set<String> pooled = new LinkedHashSet<>();
        for (String raw : rawValues) {
            pooled.addAll(List.of(raw.split(",", -1)));
        }
        return new TagFilter(match, pooled);
    }

    /** Whether a row with these tags passes. */
    public boolean test(Collection<String> rowTags) {
        return match.test(tags, rowTags);
    }
}
