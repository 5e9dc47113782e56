package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.claimline.contracts.ContractJson;

/**
 * Realistic synthetic posts for load: several concurrent events in different places and languages, varied wording,
 * some with a place and some with images, each with a unique external id so none is taken for a duplicate.
 */
public final class BenchPosts {

    /** Share of posts that carry one of the pre-uploaded images. */
    private static final double IMAGE_SHARE = 0.1;
    /** Share of posts that carry coordinates (real streams: a minority). */
    private static final double COORDINATE_SHARE = 0.3;

    private record Scene(String place, double lat, double lon, String lang, List<String> phrases) {
    }

    private static final List<Scene> SCENES = List.of(
            new Scene("Harbour district", 43.30, 5.37, "en", List.of(
                    "Flooding in the harbour district, water up to the first floor",
                    "Rescue boats are out near the harbour, people on the roofs",
                    "Power cut across the harbour district after the storm surge")),
            new Scene("Old town", 36.20, 37.16, "ar", List.of(
                    "القصف مستمر على المدينة القديمة والناس يودعون بعضهم",
                    "الحافلات الخضراء وصلت لإجلاء المدنيين من المدينة القديمة",
                    "احتفالات في الشوارع بعد خروج المسلحين من المدينة القديمة")),
            new Scene("Mountain valley", 28.23, 84.73, "en", List.of(
                    "Strong earthquake felt in the valley, houses collapsed",
                    "Aftershock just now, people sleeping outside in the valley",
                    "Landslide blocks the only road into the valley")),
            new Scene("Centre-ville", 48.85, 2.35, "fr", List.of(
                    "Explosion entendue au centre-ville, la police boucle le quartier",
                    "Des témoins parlent de coups de feu près de la place",
                    "Les secours évacuent la gare du centre-ville")));

    private final String runId;
    private final List<String> imageSha256;
    private final SplittableRandom random;

    public BenchPosts(String runId, List<String> imageSha256, long seed) {
        this.runId = runId;
        this.imageSha256 = List.copyOf(imageSha256);
        this.random = new SplittableRandom(seed);
    }

    /** The JSON body of post number {@code n} of this run. */
    public byte[] post(long n, Instant postedAt) {
        return ContractJson.write(body(n, postedAt, true));
    }

    /** The same post without a media reference, for requests that carry the image itself. */
    public byte[] postWithoutMedia(long n, Instant postedAt) {
        return ContractJson.write(body(n, postedAt, false));
    }

    /** The image bytes sent along with post number {@code n} (one of a few, as real streams repeat images). */
    public byte[] image(long n) {
        return BenchImages.cached((int) (n % BenchImages.DISTINCT));
    }

    /**
     * One of the images of post {@code n}'s scene (image i belongs to scene i mod scenes, as {@link #image} sends it):
     * drawn from all images, an image would link every scene, and the grouping engine rightly merged the four scenes
     * into one event, so the load had one event instead of four.
     */
    private int sceneImage(long n) {
        int scene = (int) (n % SCENES.size());
        int perScene = Math.max(1, imageSha256.size() / SCENES.size());
        return (scene + SCENES.size() * random.nextInt(perScene)) % imageSha256.size();
    }

    private ObjectNode body(long n, Instant postedAt, boolean withMedia) {
        Scene scene = SCENES.get((int) (n % SCENES.size()));
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.put("platform", "bench");
        body.put("externalId", runId + "-" + n);
        body.putObject("author").put("handle", "@witness" + random.nextInt(5000));
        String phrase = scene.phrases().get(random.nextInt(scene.phrases().size()));
        body.put("text", phrase + " #" + scene.place().replace(" ", "").replace("-", "").toLowerCase()
                + " (" + n + ")");
        body.put("lang", scene.lang());
        body.put("postedAt", postedAt.toString());
        ObjectNode place = body.putObject("place").put("name", scene.place());
        if (random.nextDouble() < COORDINATE_SHARE) {
            place.put("lat", scene.lat() + random.nextDouble(-0.02, 0.02));
            place.put("lon", scene.lon() + random.nextDouble(-0.02, 0.02));
            place.put("radiusKm", 1.0);
        }
        if (withMedia && !imageSha256.isEmpty() && random.nextDouble() < IMAGE_SHARE) {
            body.putArray("media").addObject().put("sha256", imageSha256.get(sceneImage(n)));
        }
        return body;
    }
}
