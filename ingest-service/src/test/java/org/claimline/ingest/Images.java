package org.claimline.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Test images: a drawn JPEG carrying an EXIF block with camera and GPS, and a PNG header that lies about its size. */
public final class Images {

    private static final short ASCII = 2;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;

    private Images() {
    }

    public static byte[] jpeg(int width, int height, Color accent) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(accent);
        g.fillOval(width / 6, height / 6, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG with an APP1 EXIF segment: IFD0 with Make and a GPS IFD with latitude and longitude (N, E). */
    public static byte[] withGps(byte[] jpeg, String make, double lat, double lon) {
        byte[] makeZ = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 2 * 12 + 4;
        int data = gpsIfd + 2 + 4 * 12 + 4;
        int latAt = data + makeZ.length;
        int lonAt = latAt + 24;
        ByteBuffer t = ByteBuffer.allocate(lonAt + 24).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 2);
        entry(t, 0x010F, ASCII, makeZ.length, data);
        entry(t, 0x8825, LONG, 1, gpsIfd);
        t.putInt(0);
        t.putShort((short) 4);
        entry(t, 0x0001, ASCII, 2, 'N');
        entry(t, 0x0002, RATIONAL, 3, latAt);
        entry(t, 0x0003, ASCII, 2, 'E');
        entry(t, 0x0004, RATIONAL, 3, lonAt);
        t.putInt(0);
        t.put(makeZ);
        dms(t, lat);
        dms(t, lon);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + t.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length).order(ByteOrder.BIG_ENDIAN);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif).put(t.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** 74 bytes of PNG whose header claims {@code width} x {@code height} pixels. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(74).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        b.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
        b.putInt(17).put("IDAT".getBytes(StandardCharsets.US_ASCII)).put(new byte[17]).putInt(0);
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        return b.array();
    }

    private static void entry(ByteBuffer t, int tag, short type, int count, int value) {
        t.putShort((short) tag).putShort(type).putInt(count).putInt(value);
    }

    private static void dms(ByteBuffer t, double value) {
        int degrees = (int) value;
        double minutes = (value - degrees) * 60;
        int wholeMinutes = (int) minutes;
        int centiSeconds = (int) Math.round((minutes - wholeMinutes) * 6000);
        t.putInt(degrees).putInt(1).putInt(wholeMinutes).putInt(1).putInt(centiSeconds).putInt(100);
    }
}
