package org.claimline.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimline.ingest.domain.ProblemException;

/** The outcome of one line of an NDJSON batch: 202 with the post id, or the problem that line had. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLine(long line, int status, String id, String type, String field, String detail) {

    public static BatchLine accepted(long line, String id) {
        return new BatchLine(line, ACCEPTED, id, null, null, null);
    }

    public static BatchLine refused(long line, ProblemException e) {
        return new BatchLine(line, e.type().status(), null, e.type().uri(), e.field(), e.getMessage());
    }

    static final int ACCEPTED = 202;

    public boolean isAccepted() {
        return status == ACCEPTED;
    }
}
