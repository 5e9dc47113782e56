package org.claimline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Builds the images the tests need (including an EXIF block written byte by byte) and finds the shared corpus. */
final class TestImages {

    /** A 1x1 lossless WebP, the smallest valid file of the format. */
    static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private static final short TYPE_ASCII = 2;
    private static final short TYPE_LONG = 4;
    private static final short TYPE_RATIONAL = 5;

    private TestImages() {
    }

    static Path corpusMedia() {
        String root = System.getProperty("claimline.root");
        Path base = root != null ? Paths.get(root) : Paths.get("..");
        Path media = base.resolve("../shared/corpus/media").normalize();
        if (!Files.isDirectory(media)) {
            media = Paths.get("../../shared/corpus/media").toAbsolutePath().normalize();
        }
        return media;
    }

    static BufferedImage drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 8, height / 8, width / 2, height / 2);
        g.setColor(Color.RED);
        g.fillRect(width / 2, height / 2, width / 3, height / 3);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG of 74 bytes whose header claims the given size: signature, IHDR, a 17-byte IDAT and IEND. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 29 + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        b.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
        b.putInt(17).put("IDAT".getBytes(StandardCharsets.US_ASCII)).put(new byte[17]).putInt(0);
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        byte[] bytes = new byte[b.position()];
        b.flip();
        b.get(bytes);
        return bytes;
    }

    /** The JPEG with an APP1 EXIF block carrying make, model, DateTimeOriginal ("yyyy:MM:dd HH:mm:ss") and GPS. */
    static byte[] withExif(byte[] jpeg, String make, String model, String dateTimeOriginal, double lat, double lon) {
        byte[] makeZ = asciiZ(make);
        byte[] modelZ = asciiZ(model);
        byte[] dateZ = asciiZ(dateTimeOriginal);
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int exifIfd = ifd0 + ifd0Size;
        int exifIfdSize = 2 + 12 + 4;
        int gpsIfd = exifIfd + exifIfdSize;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int data = gpsIfd + gpsIfdSize;
        int makeAt = data;
        int modelAt = makeAt + makeZ.length;
        int dateAt = modelAt + modelZ.length;
        int latAt = dateAt + dateZ.length;
        int lonAt = latAt + 24;
        int end = lonAt + 24;
        ByteBuffer t = ByteBuffer.allocate(end).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 4);
        entry(t, 0x010F, TYPE_ASCII, makeZ.length, makeAt);
        entry(t, 0x0110, TYPE_ASCII, modelZ.length, modelAt);
        entry(t, 0x8769, TYPE_LONG, 1, exifIfd);
        entry(t, 0x8825, TYPE_LONG, 1, gpsIfd);
        t.putInt(0);
        t.putShort((short) 1);
        entry(t, 0x9003, TYPE_ASCII, dateZ.length, dateAt);
        t.putInt(0);
        t.putShort((short) 4);
        entry(t, 0x0001, TYPE_ASCII, 2, (lat >= 0 ? 'N' : 'S'));
        entry(t, 0x0002, TYPE_RATIONAL, 3, latAt);
        entry(t, 0x0003, TYPE_ASCII, 2, (lon >= 0 ? 'E' : 'W'));
        entry(t, 0x0004, TYPE_RATIONAL, 3, lonAt);
        t.putInt(0);
        t.put(makeZ).put(modelZ).put(dateZ);
        degrees(t, Math.abs(lat));
        degrees(t, Math.abs(lon));
        byte[] tiff = t.array();
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + header.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength).order(ByteOrder.BIG_ENDIAN);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(header).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private static void entry(ByteBuffer t, int tag, short type, int count, int value) {
        t.putShort((short) tag).putShort(type).putInt(count).putInt(value);
    }

    private static void degrees(ByteBuffer t, double value) {
        int whole = (int) value;
        double minutes = (value - whole) * 60;
        int wholeMinutes = (int) minutes;
        int centiSeconds = (int) Math.round((minutes - wholeMinutes) * 60 * 100);
        t.putInt(whole).putInt(1).putInt(wholeMinutes).putInt(1).putInt(centiSeconds).putInt(100);
    }

    private static byte[] asciiZ(String s) {
        byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[raw.length + 1];
        System.arraycopy(raw, 0, z, 0, raw.length);
        return z;
    }
}
