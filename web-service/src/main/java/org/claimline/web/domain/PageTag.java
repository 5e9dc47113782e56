package org.claimline.web.domain;

import java.util.HashSet;
import java.util.Set;

/**
 * The ETag of an event's timeline pages: its posts version (the feed id of the last change to its posts), so that a
 * monitor polling a page gets a 304 without the page being read until a post changes it.
 */
public final class PageTag {

    private static final String PREFIX = "\"p";
    private static final String WEAK = "W/";

    private PageTag() {
    }

    public static String format(long version) {
        return PREFIX + version + "\"";
    }

    /** The versions an {@code If-None-Match} header names (ours only; others and {@code *} are ignored). */
    public static Set<Long> parse(String header) {
        Set<Long> versions = new HashSet<>();
        if (header == null || header.isBlank()) {
            return versions;
        }
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (tag.startsWith(WEAK)) {
                tag = tag.substring(WEAK.length());
            }
            if (tag.length() > PREFIX.length() + 1 && tag.startsWith(PREFIX) && tag.endsWith("\"")) {
                try {
                    versions.add(Long.parseLong(tag.substring(PREFIX.length(), tag.length() - 1)));
                } catch (NumberFormatException e) {
                    // not a tag this API handed out: it matches nothing
                }
            }
        }
        return versions;
    }
}
