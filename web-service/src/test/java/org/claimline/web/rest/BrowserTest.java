package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.EventSummary;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylineSummary;
import org.claimline.contracts.TimelineChanged;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.Browser;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real headless Chromium: live updates, storylines as lanes, hostile text kept inert. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BrowserTest {

    // Generous: the first change of a test JVM waits for the consumer group to form on a busy 2-core machine.
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(2);
    private static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");
    private static final String HOSTILE_TEXT = "<script>window.__pwned='script'</script>"
            + "<img src=x onerror=\"window.__pwned='img'\"><iframe src=\"javascript:window.__pwned='iframe'\"></iframe>";
    private static final String HOSTILE_AUTHOR = "<b onmouseover=\"window.__pwned='author'\">evil</b>";
    private static final String HOSTILE_PLACE = "<iframe srcdoc=\"<script>parent.__pwned='place'</script>\">";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static EventSummary event(String id, String title, long posts, int storylines) {
        return new EventSummary(id, title, new Place("East Aleppo, Syria", 36.2, 37.17, 5.0), T0,
                T0.plusSeconds(posts * 300), posts, posts, storylines, "live");
    }

    private static StorylineSummary storyline(String id, String eventId, String label, long posts) {
        return storyline(id, eventId, label, posts, T0);
    }

    private static StorylineSummary storyline(String id, String eventId, String label, long posts, Instant first) {
        return new StorylineSummary(id, eventId, label, null, first, first.plusSeconds(posts * 300), posts, posts,
                posts);
    }

    private static PostSummary post(String id, String text, String lang, String author, String place, String url,
            int minute, List<SignalNote> signals) {
        return new PostSummary(id, "x", "ext-" + id, url, new ClaimedAuthor("@" + author.replace(' ', '_'), author),
                text, lang, T0.plusSeconds(minute * 60L), new Place(place, 36.2, 37.17, 5.0), List.of(),
                List.of("aleppo"), List.of("same place cell and time window", "shares #aleppo"), signals);
    }

    /** The n-th post (1 or 2) of the convoy event that the live-update tests watch. */
    private static TimelineChanged convoy(String eventId, String storylineId, int n) {
        return Timeline.placed(n, event(eventId, "Convoy at Ramouseh", n, 1), storyline(storylineId, eventId,
                "buses leave", n), n == 1
                ? post(eventId + "-p1", "Buses are moving", "en", "Reporter One", "Ramouseh", "https://x.com/a/1", 1,
                        List.of())
                : post(eventId + "-p2", "Second convoy stopped at checkpoint", "en", "Reporter Two", "Ramouseh",
                        "https://x.com/a/2", 2, List.of()));
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private static WebDriverWait waiting(Duration duration) {
        return new WebDriverWait(browser, duration);
    }

    @Test
    void aChangeAppearsOnAnOpenEventPageWithinTwoSecondsWithoutReload() {
        String eventId = Timeline.newId("ev");
        String storylineId = Timeline.newId("st");
        Timeline.send(convoy(eventId, storylineId, 1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then().statusCode(200));
        open("/events/" + eventId);
        waiting(WAIT).until(ExpectedConditions.textToBe(By.id("status"), "live"));
        waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-post-id='" + eventId + "-p1']")));
        browser.executeScript("window.__notReloaded = true;");

        Timeline.send(convoy(eventId, storylineId, 2));
        long sent = System.nanoTime();
        WebElement bar = waiting(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-posts")));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("1 new post", bar.getText());
        assertTrue(millis <= LIVE.toMillis(), "new post shown after " + millis + " ms");
        waiting(LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".lane .counts"),
                "2 posts"));
        bar.click();
        WebElement card = waiting(LIVE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-post-id='" + eventId + "-p2']")));
        assertTrue(card.getText().contains("Second convoy stopped at checkpoint"));
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__notReloaded === true;"));
        assertEquals("2 posts · 2 authors · 1 storylines",
                browser.findElement(By.cssSelector("#summary .counts")).getText());
    }

    @Test
    void twoStorylinesRenderAsTwoLanesSideBySide() {
        String eventId = Timeline.newId("ev");
        String trapped = Timeline.newId("st");
        String evacuated = Timeline.newId("st");
        Timeline.send(
                Timeline.placed(1, event(eventId, "Aleppo evacuation", 1, 1),
                        storyline(trapped, eventId, "civilians trapped", 1),
                        post(eventId + "-a", "Civilians still trapped in the east", "en", "Lina", "East Aleppo",
                                "https://x.com/l/1", 1, List.of())),
                Timeline.placed(2, event(eventId, "Aleppo evacuation", 2, 2),
                        storyline(evacuated, eventId, "evacuation complete", 1, T0.plusSeconds(120)),
                        post(eventId + "-b", "اكتمال إجلاء المدنيين من شرق حلب", "ar", "محمد", "حلب",
                                "https://x.com/m/1", 2, List.of())));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then()
                .body("storylineCount", equalTo(2)));
        open("/events/" + eventId);
        waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".lane"), 2));
        waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".post-card"), 2));
        List<WebElement> lanes = browser.findElements(By.cssSelector(".lane"));
        assertEquals("civilians trapped", lanes.get(0).findElement(By.cssSelector(".lane-label")).getText());
        assertEquals("evacuation complete", lanes.get(1).findElement(By.cssSelector(".lane-label")).getText());
        assertEquals(1, lanes.get(0).findElements(By.cssSelector("[data-post-id='" + eventId + "-a']")).size());
        assertEquals(1, lanes.get(1).findElements(By.cssSelector("[data-post-id='" + eventId + "-b']")).size());
        // Side by side: same top, the second to the right of the first.
        assertEquals(lanes.get(0).getLocation().getY(), lanes.get(1).getLocation().getY());
        assertTrue(lanes.get(1).getLocation().getX() > lanes.get(0).getLocation().getX());
        WebElement arabic = lanes.get(1).findElement(By.cssSelector(".post-text"));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(arguments[0]).direction;", arabic));
        assertEquals("ltr", browser.executeScript("return getComputedStyle(arguments[0]).direction;",
                lanes.get(0).findElement(By.cssSelector(".post-text"))));
    }

    @Test
    void aStorylineMergeFoldsTwoLanesIntoOneWithoutReload() {
        String eventId = Timeline.newId("ev");
        String kept = Timeline.newId("st");
        String absorbed = Timeline.newId("st");
        Timeline.send(
                Timeline.placed(1, event(eventId, "Aleppo evacuation", 1, 1),
                        storyline(kept, eventId, "residents say goodbye", 1),
                        post(eventId + "-a", "Residents say goodbye to their homes", "en", "Lina", "East Aleppo",
                                "https://x.com/l/2", 1, List.of())),
                Timeline.placed(2, event(eventId, "Aleppo evacuation", 2, 2),
                        storyline(absorbed, eventId, "farewell", 1, T0.plusSeconds(120)),
                        post(eventId + "-b", "Residents bid farewell to the old city", "en", "Omar", "East Aleppo",
                                "https://x.com/o/2", 2, List.of())));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then()
                .body("storylineCount", equalTo(2)));
        open("/events/" + eventId);
        waiting(WAIT).until(ExpectedConditions.textToBe(By.id("status"), "live"));
        waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".lane"), 2));
        browser.executeScript("window.__notReloaded = true;");

        Timeline.send(Timeline.storylinesMerged(eventId, 3, absorbed, kept, 2));

        waiting(LIVE).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".lane"), 1));
        WebElement lane = browser.findElement(By.cssSelector(".lane"));
        assertEquals(kept, lane.getAttribute("data-storyline-id"));
        waiting(LIVE).until(d -> lane.findElements(By.cssSelector(".post-card")).size() == 2);
        assertEquals(1, lane.findElements(By.cssSelector("[data-post-id='" + eventId + "-b']")).size());
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__notReloaded === true;"));
    }

    /**
     * When the server says the changes since the page last heard are gone (an SSE event named {@code reset}, see
     * FeedRetentionTest for when it is sent), the event page loads again what it shows. The page's stream is closed
     * first, so the post sent meanwhile can only appear through that reload.
     */
    @Test
    void aResetFromTheStreamReloadsWhatTheEventPageShows() {
        String eventId = Timeline.newId("ev");
        String storylineId = Timeline.newId("st");
        Timeline.send(convoy(eventId, storylineId, 1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then().statusCode(200));
        // keeps a handle on the page's EventSource, which its script holds privately
        Map<String, Object> recorder = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of(
                "source", "(() => { const Native = window.EventSource; window.__streams = [];"
                        + " window.EventSource = function (url, options) { const stream = new Native(url, options);"
                        + " window.__streams.push(stream); return stream; };"
                        + " window.EventSource.prototype = Native.prototype; })();"));
        try {
            open("/events/" + eventId);
            waiting(WAIT).until(ExpectedConditions.textToBe(By.id("status"), "live"));
            waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-post-id='" + eventId + "-p1']")));
            browser.executeScript("window.__streams.forEach(stream => stream.close());");
            Timeline.send(convoy(eventId, storylineId, 2));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then()
                    .body("postCount", equalTo(2)));
            assertTrue(browser.findElements(By.cssSelector("[data-post-id='" + eventId + "-p2']")).isEmpty(),
                    "the closed stream brought nothing");

            browser.executeScript("window.__streams[0].dispatchEvent(new MessageEvent('reset',"
                    + " {data: '{\"reason\":\"gone\",\"oldestFeedId\":1}'}));");

            WebElement card = waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-post-id='" + eventId + "-p2']")));
            assertTrue(card.getText().contains("Second convoy stopped at checkpoint"));
            waiting(LIVE).until(ExpectedConditions.textToBe(By.cssSelector("#summary .counts"),
                    "2 posts · 2 authors · 1 storylines"));
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", recorder.get("identifier")));
        }
    }

    @Test
    void hostileTextInTextAuthorAndPlaceStaysInert() {
        String eventId = Timeline.newId("ev");
        String storylineId = Timeline.newId("st");
        EventSummary hostileEvent = new EventSummary(eventId, "<script>window.__pwned='title'</script>Siege",
                new Place(HOSTILE_PLACE, 36.2, 37.17, 5.0), T0, T0, 1, 1, 1, "live");
        Timeline.send(Timeline.placed(1, hostileEvent,
                storyline(storylineId, eventId, "<img src=x onerror=\"window.__pwned='label'\">", 1),
                post(eventId + "-p1", HOSTILE_TEXT, "en", HOSTILE_AUTHOR, HOSTILE_PLACE,
                        "javascript:window.__pwned='link'", 1,
                        List.of(new SignalNote("copy-paste", "<a href=\"javascript:window.__pwned='reason'\">x</a>",
                                null)))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then().statusCode(200));

        open("/events/" + eventId);
        WebElement card = waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-post-id='" + eventId + "-p1']")));
        assertEquals(HOSTILE_TEXT, card.findElement(By.cssSelector(".post-text")).getText());
        assertEquals(HOSTILE_AUTHOR, card.findElement(By.cssSelector(".author")).getText());
        assertTrue(card.findElement(By.cssSelector(".place")).getText().contains(HOSTILE_PLACE));
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(card.findElement(By.cssSelector(".author"))).perform();
        assertInert();

        open("/");
        waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-event-id='" + eventId + "']")));
        assertInert();
    }

    private void assertInert() {
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__pwned === undefined;"),
                "hostile text ran script");
        List<String> found = List.of("main script", "main iframe", "main img[onerror]", "main [onmouseover]",
                "main b", "main a[href^='javascript']");
        for (String selector : found) {
            assertTrue(browser.findElements(By.cssSelector(selector)).isEmpty(), selector + " found");
        }
        for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
            String href = link.getAttribute("href");
            assertTrue(href.startsWith("http://") || href.startsWith("https://"), "link to " + href);
        }
    }

    @Test
    void pagesSendStrictSecurityHeaders() {
        for (String path : List.of("/", "/events/x", "/assets/event.js", "/api/v1/events")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY");
        }
        String page = given().get("/events/anything").then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertFalse(page.contains("<script>"), "no inline script");
        assertFalse(page.contains("http://") || page.contains("https://"), "every asset is local");
    }

    @Test
    void mediaProxyRefusesBadHashesAndReportsAnUnreachableStore() {
        given().get("/media/{sha}", "../../etc/passwd").then().statusCode(400);
        given().get("/media/{sha}", "XYZ").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("sha256"));
        given().get("/media/{sha}/thumbnail", "a".repeat(64)).then().statusCode(502)
                .contentType("application/problem+json");
    }

    @Test
    void boardAndEventPageScreenshots() throws Exception {
        String eventId = Timeline.newId("aleppo");
        String trapped = Timeline.newId("st");
        String evacuated = Timeline.newId("st");
        String title = "Evacuation of East Aleppo";
        long sequence = 0;
        String[][] posts = {
            {"trapped", "en", "Salah Ashkar", "At home waiting for the inevitable fate. Shelling all night.", "3"},
            {"evacuated", "ar", "حلب اليوم", "وصول الدفعة الأولى من الحافلات إلى معبر الراموسة", "9"},
            {"trapped", "en", "Bana", "We are still under bombardment, no way out #Aleppo", "14"},
            {"evacuated", "en", "Local Council", "First convoy of buses has left east Aleppo for the west", "21"},
            {"trapped", "ar", "مراسل حلب", "المدنيون ما زالوا محاصرين في الأحياء الشرقية", "22"},
            {"trapped", "en", "Monitor", "Same photo as 2014 Gaza strike circulating as Aleppo tonight", "23"},
            {"evacuated", "en", "ICRC", "Evacuation operation is under way, 3,000 people left so far", "24"},
        };
        int trappedPosts = 0;
        int evacuatedPosts = 0;
        for (String[] p : posts) {
            sequence++;
            boolean isTrapped = p[0].equals("trapped");
            long count = isTrapped ? ++trappedPosts : ++evacuatedPosts;
            List<SignalNote> signals = count == 1
                    ? List.of(new SignalNote("first-report", "earliest post of this storyline", null))
                    : p[3].startsWith("Same photo")
                    ? List.of(new SignalNote("recycled-media", "the same image was seen in another event in 2014",
                            null)) : List.of();
            Timeline.send(Timeline.placed(sequence, event(eventId, title, sequence, evacuatedPosts > 0 ? 2 : 1),
                    storyline(isTrapped ? trapped : evacuated, eventId,
                            isTrapped ? "civilians trapped under shelling" : "buses reach Ramouseh crossing", count,
                            isTrapped ? T0.plusSeconds(180) : T0.plusSeconds(540)),
                    post(eventId + "-" + sequence, p[3], p[1], p[2], isTrapped ? "East Aleppo" : "Ramouseh",
                            "https://x.com/status/" + sequence, Integer.parseInt(p[4]), signals)));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", eventId).then()
                .body("postCount", equalTo(posts.length)));
        open("/");
        waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-event-id='" + eventId + "'] svg rect")));
        Browser.screenshot(browser, "board");
        open("/events/" + eventId);
        waiting(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".post-card"), posts.length));
        assertEquals(2, browser.findElements(By.cssSelector(".lane")).size());
        assertFalse(browser.findElements(By.cssSelector(".badge.signal-recycled-media")).isEmpty());
        Browser.screenshot(browser, "event");
    }
}
