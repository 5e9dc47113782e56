package org.claimline.media;

/** The raster formats Claimline accepts, recognised by their magic bytes so that a file's name or claimed type is never trusted. */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String mime;
    private final String extension;

    ImageType(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return extension;
    }
}
