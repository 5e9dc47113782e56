package org.claimline.tools.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Small distinct PNG images drawn on the fly, so the bench and the demo need no image files. */
public final class BenchImages {

    public static final String TYPE = "image/png";
    /** How many distinct images the bench uses. */
    public static final int DISTINCT = 8;
    private static final int SIZE = 320;
    private static final byte[][] CACHE = new byte[DISTINCT][];
    private static final int SHAPES = 12;

    private BenchImages() {
    }

    /** Image {@code i} of the bench's few, drawn once. */
    public static synchronized byte[] cached(int i) {
        if (CACHE[i] == null) {
            CACHE[i] = png(i);
        }
        return CACHE[i];
    }

    public static byte[] png(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillRect(0, 0, SIZE, SIZE);
        for (int i = 0; i < SHAPES; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillOval(random.nextInt(SIZE), random.nextInt(SIZE), 20 + random.nextInt(SIZE / 2),
                    20 + random.nextInt(SIZE / 2));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
