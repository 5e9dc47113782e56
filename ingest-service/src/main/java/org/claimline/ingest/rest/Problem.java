package org.claimline.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;

/** An RFC 9457 problem document as ingest-service writes it, with the offending field when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String field, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, field, instance);
    }

    public static Problem from(ProblemException e, String instance) {
        return of(e.type(), e.field(), e.getMessage(), instance);
    }
}
