package org.claimline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageFingerprinterTest {

    private final ImageFingerprinter fingerprinter = new ImageFingerprinter();

    @Test
    void detectsEachAcceptedTypeByMagicBytesAndReadsItsSize() throws Exception {
        BufferedImage drawing = TestImages.drawing(120, 80);
        ImageFingerprint png = fingerprinter.fingerprint(TestImages.encode(drawing, "png"));
        ImageFingerprint jpeg = fingerprinter.fingerprint(TestImages.encode(drawing, "jpg"));
        ImageFingerprint gif = fingerprinter.fingerprint(TestImages.encode(drawing, "gif"));
        ImageFingerprint webp = fingerprinter.fingerprint(TestImages.WEBP_1X1);

        assertEquals("image/png", png.mime());
        assertEquals("image/jpeg", jpeg.mime());
        assertEquals("image/gif", gif.mime());
        assertEquals("image/webp", webp.mime());
        for (ImageFingerprint f : new ImageFingerprint[] {png, jpeg, gif}) {
            assertEquals(120, f.width(), f.mime());
            assertEquals(80, f.height(), f.mime());
            assertNotNull(f.perceptualHash(), f.mime());
        }
        assertEquals(1, webp.width());
        assertEquals(1, webp.height());
        assertNotNull(webp.perceptualHash(), "WebP pixels are decoded through TwelveMonkeys");
    }

    @Test
    void computesSha256OfTheExactBytes() throws Exception {
        byte[] bytes = TestImages.encode(TestImages.drawing(10, 10), "png");
        ImageFingerprint f = fingerprinter.fingerprint(bytes);
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, f.sha256());
        assertEquals(64, f.sha256().length());
        assertEquals(bytes.length, f.sizeBytes());
        assertEquals(16, f.perceptualHash().length());
    }

    @Test
    void refusesSvgAndSaysWhy() {
        byte[] svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> fingerprinter.fingerprint(svg));
        assertEquals(ImageRejectedException.Reason.SVG_NOT_ACCEPTED, e.reason());
        assertTrue(e.getMessage().contains("SVG"));
    }

    @Test
    void refusesOtherBytesAndEmptyInput() {
        byte[] pdf = "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ImageRejectedException.Reason.UNSUPPORTED_TYPE,
                assertThrows(ImageRejectedException.class, () -> fingerprinter.fingerprint(pdf)).reason());
        assertEquals(ImageRejectedException.Reason.EMPTY,
                assertThrows(ImageRejectedException.class, () -> fingerprinter.fingerprint(new byte[0])).reason());
        byte[] truncatedPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        assertEquals(ImageRejectedException.Reason.CORRUPT,
                assertThrows(ImageRejectedException.class, () -> fingerprinter.fingerprint(truncatedPng)).reason());
    }

    @Test
    void refusesATinyPngClaimingAHugeCanvasFromItsHeaderInMilliseconds() {
        byte[] bomb = TestImages.pngClaiming(20_000, 20_000);
        assertEquals(74, bomb.length);
        long start = System.nanoTime();
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> fingerprinter.fingerprint(bomb));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ImageRejectedException.Reason.TOO_MANY_PIXELS, e.reason());
        assertTrue(e.getMessage().contains("20000x20000"), e.getMessage());
        assertTrue(millis < 200, "took " + millis + " ms");
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        byte[] png = TestImages.encode(TestImages.drawing(100, 100), "png");
        assertEquals(ImageRejectedException.Reason.TOO_MANY_PIXELS, assertThrows(ImageRejectedException.class,
                () -> new ImageFingerprinter(9_999).fingerprint(png)).reason());
        assertEquals(100, new ImageFingerprinter(10_000).fingerprint(png).width());
    }

    @Test
    void nearIdenticalCorpusImageStaysCloseAndAnotherImageIsFar() throws Exception {
        Path media = TestImages.corpusMedia();
        byte[] original = Files.readAllBytes(media.resolve("sandy_fake_43.jpg"));
        BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage half = new BufferedImage(pixels.getWidth() / 2, pixels.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(pixels, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        byte[] resizedRecompressed = jpeg(half, 0.4f);

        ImageFingerprint a = fingerprinter.fingerprint(original);
        ImageFingerprint b = fingerprinter.fingerprint(resizedRecompressed);
        ImageFingerprint other = fingerprinter.fingerprint(Files.readAllBytes(media.resolve("nepal_25.jpg")));

        assertFalse(a.sha256().equals(b.sha256()));
        int near = ImageFingerprint.hammingDistance(a.perceptualHash(), b.perceptualHash());
        int far = ImageFingerprint.hammingDistance(a.perceptualHash(), other.perceptualHash());
        assertTrue(near <= 6, "resized and recompressed copy differs by " + near + " bits");
        assertTrue(far >= 16, "unrelated image differs by only " + far + " bits");
    }

    @Test
    void readsExifTimeGpsAndCamera() throws Exception {
        byte[] plain = TestImages.encode(TestImages.drawing(64, 48), "jpg");
        byte[] tagged = TestImages.withExif(plain, "Canon", "Canon EOS 5D", "2016:12:13 09:12:00", 36.2, -37.17);
        ImageFingerprint f = fingerprinter.fingerprint(tagged);
        assertEquals(Instant.parse("2016-12-13T09:12:00Z"), f.takenAt());
        assertEquals(36.2, f.gpsLat(), 1e-3);
        assertEquals(-37.17, f.gpsLon(), 1e-3);
        assertEquals("Canon EOS 5D", f.camera());
        assertEquals(64, f.width());
    }

    @Test
    void imageWithoutExifHasNoTimeGpsOrCamera() throws Exception {
        ImageFingerprint f = fingerprinter.fingerprint(TestImages.encode(TestImages.drawing(64, 48), "jpg"));
        assertNull(f.takenAt());
        assertNull(f.gpsLat());
        assertNull(f.gpsLon());
        assertNull(f.camera());
    }

    @Test
    void stripMetadataDropsExifAndGpsButKeepsThePicture() throws Exception {
        byte[] plain = TestImages.encode(TestImages.drawing(64, 48), "jpg");
        byte[] tagged = TestImages.withExif(plain, "Nikon", "D750", "2015:04:25 06:11:00", 27.7, 85.3);
        EncodedImage stripped = fingerprinter.stripMetadata(tagged);
        ImageFingerprint before = fingerprinter.fingerprint(tagged);
        ImageFingerprint after = fingerprinter.fingerprint(stripped.bytes());
        assertEquals("image/jpeg", stripped.mime());
        assertNull(after.gpsLat());
        assertNull(after.takenAt());
        assertNull(after.camera());
        assertFalse(new String(stripped.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"));
        assertEquals(64, after.width());
        assertTrue(ImageFingerprint.hammingDistance(before.perceptualHash(), after.perceptualHash()) <= 4);
    }

    @Test
    void thumbnailFitsTheLongerSideAndNeverEnlarges() throws Exception {
        byte[] png = TestImages.encode(TestImages.drawing(400, 100), "png");
        EncodedImage thumb = fingerprinter.thumbnail(png, 100);
        ImageFingerprint f = fingerprinter.fingerprint(thumb.bytes());
        assertEquals("image/png", thumb.mime());
        assertEquals(100, f.width());
        assertEquals(25, f.height());
        ImageFingerprint small = fingerprinter.fingerprint(fingerprinter.thumbnail(png, 1000).bytes());
        assertEquals(400, small.width());
    }

    @Test
    void hammingDistanceOfMissingHashMeansUnrelated() {
        assertEquals(64, ImageFingerprint.hammingDistance(null, "0000000000000000"));
        assertEquals(0, ImageFingerprint.hammingDistance("ffffffffffffffff", "ffffffffffffffff"));
        assertEquals(1, ImageFingerprint.hammingDistance("0000000000000001", "0000000000000000"));
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
