package org.claimline.web.rest;

import java.util.List;

/** One page of a list and the cursor of the next page (absent on the last page). */
public record PageView<T>(List<T> items, String nextCursor) {
}
