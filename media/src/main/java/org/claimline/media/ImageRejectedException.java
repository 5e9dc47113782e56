package org.claimline.media;

/** Thrown when bytes are not an image Claimline accepts; carries a typed reason so callers can answer 415 or 413 without parsing messages. */
public class ImageRejectedException extends Exception {

    /** Why an image was refused. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** SVG is a document that can carry scripts and external references, not a raster image. */
        SVG_NOT_ACCEPTED,
        /** The magic bytes match none of JPEG, PNG, GIF, WebP. */
        UNSUPPORTED_TYPE,
        /** The header claims more pixels than the configured limit (a decompression bomb or an absurd upload). */
        TOO_MANY_PIXELS,
        /** The header is truncated or inconsistent, so the size cannot be read. */
        CORRUPT
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
