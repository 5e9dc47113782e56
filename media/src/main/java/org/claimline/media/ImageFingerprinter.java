package org.claimline.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.brachtendorf.jimagehash.hash.Hash;
import dev.brachtendorf.jimagehash.hashAlgorithms.HashingAlgorithm;
import dev.brachtendorf.jimagehash.hashAlgorithms.PerceptiveHash;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns image bytes into an {@link ImageFingerprint} (type by magic bytes, size from the header, SHA-256, perceptual hash,
 * EXIF time, GPS and camera) and makes metadata-free copies and thumbnails; the pixel limit is checked on the header
 * before anything is decoded, so a tiny file claiming a huge canvas costs microseconds, not gigabytes.
 *
 * <p>Thread-safe: one instance can serve every request.
 */
public final class ImageFingerprinter {

    /** 50 megapixels: above any phone camera in use, far below what would exhaust a service heap when decoded. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** Bits of the perceptual hash: 64 fit a long, so comparing two hashes is one XOR and a bit count. */
    private static final int HASH_BITS = 64;

    /**
     * Pixels are decoded subsampled to at most this side before hashing: the DCT hash looks at a 32x32 reduction anyway,
     * and subsampling keeps hashing a 12-megapixel photo in milliseconds.
     */
    private static final int HASH_DECODE_SIDE = 512;

    private final long maxPixels;
    private final HashingAlgorithm hasher = new PerceptiveHash(HASH_BITS);

    public ImageFingerprinter() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels largest width x height accepted; larger images are rejected from their header alone */
    public ImageFingerprinter(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    /**
     * Checks and fingerprints one image.
     *
     * @throws ImageRejectedException when the bytes are empty, SVG, of another type, corrupt in the header, or too large
     */
    public ImageFingerprint fingerprint(byte[] bytes) throws ImageRejectedException {
        ImageHeader header = checkedHeader(bytes);
        String perceptualHash = null;
        BufferedImage pixels = decode(bytes, HASH_DECODE_SIDE);
        if (pixels != null) {
            perceptualHash = perceptualHash(pixels);
        }
        Metadata metadata = readMetadata(bytes);
        return new ImageFingerprint(sha256(bytes), header.type.mime(), bytes.length, header.width, header.height,
                perceptualHash, takenAt(metadata), gps(metadata, true), gps(metadata, false), camera(metadata));
    }

    /** The detected type of acceptable bytes, checked like {@link #fingerprint} but without hashing or decoding. */
    public ImageType detect(byte[] bytes) throws ImageRejectedException {
        return checkedHeader(bytes).type;
    }

    /**
     * A copy re-encoded from the pixels alone, so EXIF, GPS, comments and any hidden payload are gone. JPEG stays JPEG;
     * PNG, GIF (first frame) and WebP (no writer in the JDK) become PNG.
     *
     * @throws ImageRejectedException as {@link #fingerprint}, or {@link ImageRejectedException.Reason#CORRUPT} when the
     *     pixels cannot be decoded
     */
    public EncodedImage stripMetadata(byte[] bytes) throws ImageRejectedException {
        ImageHeader header = checkedHeader(bytes);
        BufferedImage pixels = decode(bytes, Integer.MAX_VALUE);
        if (pixels == null) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "image pixels cannot be decoded");
        }
        return encode(pixels, header.type == ImageType.JPEG);
    }

    /**
     * A reduced copy whose longer side is at most {@code maxSide} (never enlarged), without metadata; JPEG stays JPEG,
     * the other types become PNG so transparency survives.
     */
    public EncodedImage thumbnail(byte[] bytes, int maxSide) throws ImageRejectedException {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
        ImageHeader header = checkedHeader(bytes);
        BufferedImage pixels = decode(bytes, maxSide * 2);
        if (pixels == null) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "image pixels cannot be decoded");
        }
        double scale = Math.min(1.0, (double) maxSide / Math.max(pixels.getWidth(), pixels.getHeight()));
        int w = Math.max(1, (int) Math.round(pixels.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(pixels.getHeight() * scale));
        boolean jpeg = header.type == ImageType.JPEG;
        BufferedImage out = new BufferedImage(w, h, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(pixels, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return encode(out, jpeg);
    }

    private ImageHeader checkedHeader(byte[] bytes) throws ImageRejectedException {
        ImageHeader header = ImageHeader.read(bytes);
        if (header.width <= 0 || header.height <= 0) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT,
                    "image header gives an empty size " + header.width + "x" + header.height);
        }
        long pixels = (long) header.width * header.height;
        if (pixels > maxPixels) {
            throw new ImageRejectedException(ImageRejectedException.Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "image is %dx%d = %d pixels, over the limit of %d", header.width, header.height, pixels, maxPixels));
        }
        return header;
    }

    /** Decodes the first frame, subsampled so that neither side exceeds about {@code maxSide}; null when undecodable. */
    private static BufferedImage decode(byte[] bytes, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longer / maxSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a header we accepted but pixels the decoders refuse: the fingerprint goes on without a perceptual hash
            return null;
        }
    }

    private String perceptualHash(BufferedImage pixels) {
        Hash hash = hasher.hash(pixels);
        BigInteger value = hash.getHashValue();
        // JImageHash keeps a leading marker bit so that leading zeros survive; keep only the low 64 bits
        return String.format(Locale.ROOT, "%016x", value.longValue());
    }

    private static EncodedImage encode(BufferedImage pixels, boolean jpeg) {
        BufferedImage source = pixels;
        if (jpeg && pixels.getType() != BufferedImage.TYPE_INT_RGB) {
            // the JDK's JPEG writer refuses alpha and misreads some colour models; draw onto plain RGB first
            source = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = source.createGraphics();
            try {
                g.drawImage(pixels, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            String format = jpeg ? "jpg" : "png";
            if (!ImageIO.write(source, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EncodedImage(out.toByteArray(), jpeg ? ImageType.JPEG.mime() : ImageType.PNG.mime());
    }

    private static Metadata readMetadata(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // metadata is a bonus for verifiers; an image without readable EXIF is still an image
            return null;
        }
    }

    private static Instant takenAt(Metadata metadata) {
        if (metadata == null) {
            return null;
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif == null) {
            return null;
        }
        Date date = exif.getDateOriginal(TimeZone.getTimeZone("UTC"));
        return date == null ? null : date.toInstant();
    }

    private static Double gps(Metadata metadata, boolean latitude) {
        if (metadata == null) {
            return null;
        }
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = gps == null ? null : gps.getGeoLocation();
        if (location == null || location.isZero()) {
            return null;
        }
        return latitude ? location.getLatitude() : location.getLongitude();
    }

    private static String camera(Metadata metadata) {
        if (metadata == null) {
            return null;
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null) {
            return null;
        }
        String make = trimToNull(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        String model = trimToNull(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        if (make == null) {
            return model;
        }
        if (model == null || model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) {
            return model == null ? make : model;
        }
        return make + " " + model;
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
