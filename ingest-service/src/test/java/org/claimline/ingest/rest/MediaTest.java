package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.EDITOR_KEY;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.PostAccepted;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.Images;
import org.claimline.ingest.TopicReader;
import org.junit.jupiter.api.Test;

/** Images in: fingerprinted, stored, served without EXIF/GPS, originals for editors, referenced from posts. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class MediaTest {

    private static final double LAT = 36.2;
    private static final double LON = 37.15;

    private static byte[] photo(Color accent) {
        return Images.withGps(Images.jpeg(640, 480, accent), "TestCam", LAT, LON);
    }

    private static Response upload(byte[] bytes, String contentType) {
        return given().header("Authorization", bearer(INGEST_KEY)).contentType(contentType).body(bytes)
                .when().post("/api/v1/media");
    }

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void uploadedPhotoIsServedWithoutExifOrGpsAndTheOriginalOnlyToEditors() throws Exception {
        byte[] original = photo(new Color(20, 90, 200));
        assertNotNull(metadata(original).getFirstDirectoryOfType(GpsDirectory.class), "the test photo has GPS");
        Response uploaded = upload(original, "image/jpeg");
        uploaded.then().statusCode(201).body("mime", equalTo("image/jpeg")).body("width", equalTo(640))
                .body("camera", equalTo("TestCam"));
        String sha = uploaded.path("sha256");
        assertEquals(LAT, ((Number) uploaded.path("gpsLat")).doubleValue(), 0.001);
        assertEquals("/api/v1/media/" + sha, java.net.URI.create(uploaded.header("Location")).getPath());

        byte[] served = given().when().get("/api/v1/media/" + sha).then().statusCode(200)
                .contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        Metadata servedMetadata = metadata(served);
        assertNull(servedMetadata.getFirstDirectoryOfType(GpsDirectory.class), "served copy has no GPS");
        assertNull(servedMetadata.getFirstDirectoryOfType(ExifIFD0Directory.class), "served copy has no EXIF");
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(served)).getWidth());

        byte[] thumb = given().when().get("/api/v1/media/" + sha + "/thumbnail").then().statusCode(200)
                .extract().asByteArray();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(thumb));
        assertTrue(Math.max(thumbnail.getWidth(), thumbnail.getHeight()) <= 320);
        assertNull(metadata(thumb).getFirstDirectoryOfType(GpsDirectory.class));

        byte[] forEditor = given().header("Authorization", bearer(EDITOR_KEY)).when()
                .get("/api/v1/media/" + sha + "/original").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(original, forEditor);
        assertNotNull(metadata(forEditor).getFirstDirectoryOfType(GpsDirectory.class));
        given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/media/" + sha + "/original")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/media/" + sha + "/original").then().statusCode(401);

        upload(original, "application/octet-stream").then().statusCode(200).body("sha256", equalTo(sha));
    }

    @Test
    void typeIsDecidedByMagicBytesAndBombsAreRefusedFromTheHeader() {
        upload("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "image/png")
                .then().statusCode(415).contentType("application/problem+json").body("field", equalTo("body"));
        upload("just some text".getBytes(StandardCharsets.UTF_8), "image/jpeg").then().statusCode(415);
        upload(Images.pngClaiming(20_000, 20_000), "image/png").then().statusCode(413)
                .body("type", equalTo("urn:claimline:problem:too-large"));
        upload(new byte[] {1}, "image/svg+xml").then().statusCode(415);
        given().when().get("/api/v1/media/" + "f".repeat(64)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void postReferencingUploadedMediaCarriesItsFingerprint() {
        String sha = upload(photo(new Color(200, 30, 30)), "image/jpeg").then().extract().path("sha256");
        String body = """
                {"platform": "x", "externalId": "%s", "postedAt": "2016-12-13T09:12:00Z",
                 "media": [{"sha256": "%s"}]}""".formatted(uniqueId(), sha);
        String id = given().header("Authorization", bearer(INGEST_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/posts").then().statusCode(202).extract().path("id");
        PostAccepted record = TopicReader.first(id, Duration.ofSeconds(20)).orElseThrow();
        MediaFingerprint media = record.media().get(0);
        assertEquals(sha, media.sha256());
        assertEquals(LAT, media.gpsLat(), 0.001);
        assertEquals(LON, media.gpsLon(), 0.001);
        assertNotNull(media.perceptualHash());
    }

    @Test
    void multipartPostUploadsItsImagesAndPublishesTheirFingerprints() {
        byte[] image = photo(new Color(10, 160, 60));
        String post = """
                {"platform": "telegram", "externalId": "%s", "postedAt": "2016-12-13T09:12:00Z",
                 "text": "photo from the east"}""".formatted(uniqueId());
        String id = given().header("Authorization", bearer(INGEST_KEY))
                .multiPart("post", post)
                .multiPart("media", "street.jpg", image, "image/jpeg")
                .when().post("/api/v1/posts").then().statusCode(202).extract().path("id");
        PostAccepted record = TopicReader.first(id, Duration.ofSeconds(20)).orElseThrow();
        assertEquals(1, record.media().size());
        assertEquals("photo from the east", record.text());
        String sha = record.media().get(0).sha256();
        given().when().get("/api/v1/media/" + sha).then().statusCode(200);
    }

    @Test
    void multipartWithAnSvgIs415NamingThePart() {
        given().header("Authorization", bearer(INGEST_KEY))
                .multiPart("post", "{\"platform\": \"x\", \"externalId\": \"" + uniqueId()
                        + "\", \"postedAt\": \"2016-12-13T09:12:00Z\", \"text\": \"t\"}")
                .multiPart("media", "x.svg", "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .when().post("/api/v1/posts").then().statusCode(415).body("field", equalTo("media[0]"));
    }
}
