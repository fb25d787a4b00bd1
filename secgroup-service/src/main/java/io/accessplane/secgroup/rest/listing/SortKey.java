package io.accessplane.secgroup.rest.listing;

/** One {@code sort_key}/{@code sort_dir} pair; {@code ascending} is true for {@code asc}. */
public record SortKey(String attribute, boolean ascending) {
}
