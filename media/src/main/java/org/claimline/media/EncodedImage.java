package org.claimline.media;

/** Image bytes produced by Claimline (a metadata-free copy or a thumbnail) with their type, ready to store or serve. */
public record EncodedImage(byte[] bytes, String mime) {
}
