package org.claimline.web.domain;

import java.nio.charset.StandardCharsets;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.TimelineChanged;

/**
 * A timeline change with its JSON as one line: the record's own bytes when they can be sent as they are, so that the
 * feed (every SSE client's data) does not serialise again what claims-service serialised once.
 */
public record ReceivedChange(TimelineChanged change, String json) {

    private static final byte OPEN = '{';
    private static final byte CLOSE = '}';
    private static final byte LINE_FEED = '\n';
    private static final byte CARRIAGE_RETURN = '\r';

    /**
     * Reads a record's value; throws {@link IllegalArgumentException} with a readable reason when it is not a change.
     * Its bytes are kept as the JSON when they are one compact object; otherwise (e.g. pretty-printed, which would
     * break an SSE frame) the change is written again.
     */
    public static ReceivedChange read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("record without a value");
        }
        TimelineChanged change = ContractJson.read(value, TimelineChanged.class);
        return compact(value) ? new ReceivedChange(change, new String(value, StandardCharsets.UTF_8)) : of(change);
    }

    /** A change made in this process (or read back from the database), written as JSON here. */
    public static ReceivedChange of(TimelineChanged change) {
        return new ReceivedChange(change, new String(ContractJson.write(change), StandardCharsets.UTF_8));
    }

    private static boolean compact(byte[] value) {
        if (value[0] != OPEN || value[value.length - 1] != CLOSE) {
            return false;
        }
        // inside JSON strings line breaks are always escaped, so a raw one is whitespace between tokens
        for (byte b : value) {
            if (b == LINE_FEED || b == CARRIAGE_RETURN) {
                return false;
            }
        }
        return true;
    }
}
