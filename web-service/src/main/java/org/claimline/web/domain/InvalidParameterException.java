package org.claimline.web.domain;

/** A request parameter the API cannot use; answered with 400 naming the field. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
