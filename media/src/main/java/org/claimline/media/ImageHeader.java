package org.claimline.media;

import java.nio.charset.StandardCharsets;

/** Reads type and pixel size from the first bytes of a file, so that oversized images are refused before any decoding. */
final class ImageHeader {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_WIDTH_OFFSET = 16;
    private static final int PNG_HEIGHT_OFFSET = 20;
    private static final int GIF_WIDTH_OFFSET = 6;
    private static final int GIF_HEIGHT_OFFSET = 8;
    private static final int WEBP_CHUNK_OFFSET = 12;
    private static final int WEBP_PAYLOAD_OFFSET = 20;
    private static final int JPEG_FIRST_SEGMENT = 2;
    private static final int SNIFF_LENGTH = 256;
    private static final int MASK_14_BITS = 0x3FFF;

    final ImageType type;
    final int width;
    final int height;

    private ImageHeader(ImageType type, int width, int height) {
        this.type = type;
        this.width = width;
        this.height = height;
    }

    static ImageHeader read(byte[] b) throws ImageRejectedException {
        if (b == null || b.length == 0) {
            throw new ImageRejectedException(ImageRejectedException.Reason.EMPTY, "no image bytes");
        }
        try {
            if (startsWith(b, PNG_MAGIC)) {
                requireLength(b, PNG_HEIGHT_OFFSET + 4, "PNG");
                return new ImageHeader(ImageType.PNG, intBe(b, PNG_WIDTH_OFFSET), intBe(b, PNG_HEIGHT_OFFSET));
            }
            if (startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a"))) {
                requireLength(b, GIF_HEIGHT_OFFSET + 2, "GIF");
                return new ImageHeader(ImageType.GIF, shortLe(b, GIF_WIDTH_OFFSET), shortLe(b, GIF_HEIGHT_OFFSET));
            }
            if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return jpeg(b);
            }
            if (startsWith(b, ascii("RIFF")) && b.length >= WEBP_CHUNK_OFFSET && regionEquals(b, 8, ascii("WEBP"))) {
                return webp(b);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "image header is truncated");
        }
        if (looksLikeSvg(b)) {
            throw new ImageRejectedException(ImageRejectedException.Reason.SVG_NOT_ACCEPTED,
                    "SVG is not accepted: it is a document that can carry scripts, send a JPEG, PNG, GIF or WebP");
        }
        throw new ImageRejectedException(ImageRejectedException.Reason.UNSUPPORTED_TYPE,
                "not a JPEG, PNG, GIF or WebP image (unrecognised magic bytes)");
    }

    private static ImageHeader jpeg(byte[] b) throws ImageRejectedException {
        int i = JPEG_FIRST_SEGMENT;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = shortBe(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                requireLength(b, i + 9, "JPEG");
                return new ImageHeader(ImageType.JPEG, shortBe(b, i + 7), shortBe(b, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "JPEG without a frame header");
    }

    private static ImageHeader webp(byte[] b) throws ImageRejectedException {
        requireLength(b, WEBP_PAYLOAD_OFFSET + 10, "WebP");
        String chunk = new String(b, WEBP_CHUNK_OFFSET, 4, StandardCharsets.US_ASCII);
        int p = WEBP_PAYLOAD_OFFSET;
        switch (chunk) {
            case "VP8 ":
                // 3-byte frame tag, 3-byte start code, then 14-bit width and height (2 scale bits on top)
                return new ImageHeader(ImageType.WEBP, shortLe(b, p + 6) & MASK_14_BITS, shortLe(b, p + 8) & MASK_14_BITS);
            case "VP8L": {
                int bits = (b[p + 1] & 0xFF) | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF) << 16 | (b[p + 4] & 0xFF) << 24;
                return new ImageHeader(ImageType.WEBP, (bits & MASK_14_BITS) + 1, ((bits >>> 14) & MASK_14_BITS) + 1);
            }
            case "VP8X":
                return new ImageHeader(ImageType.WEBP, int24Le(b, p + 4) + 1, int24Le(b, p + 7) + 1);
            default:
                throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "WebP with unknown chunk " + chunk.trim());
        }
    }

    private static boolean looksLikeSvg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, SNIFF_LENGTH), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        return head.startsWith("<svg") || (head.startsWith("<?xml") || head.startsWith("<!doctype svg")) && head.contains("svg");
    }

    private static void requireLength(byte[] b, int length, String format) throws ImageRejectedException {
        if (b.length < length) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, format + " header is truncated");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return regionEquals(b, 0, prefix);
    }

    private static boolean regionEquals(byte[] b, int offset, byte[] part) {
        if (b.length < offset + part.length) {
            return false;
        }
        for (int i = 0; i < part.length; i++) {
            if (b[offset + i] != part[i]) {
                return false;
            }
        }
        return true;
    }

    private static int intBe(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static int shortBe(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int shortLe(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int24Le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
