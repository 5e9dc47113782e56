package org.claimline.web.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.repository.EventRepository;
import org.claimline.web.repository.FeedRepository;
import org.junit.jupiter.api.Test;

/** The start-up rehearsal applies its sample changes and leaves no trace: no event, post or feed row, no stream move. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WarmupTest {

    @Inject
    Warmup warmup;
    @Inject
    EventRepository events;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    FeedRepository feed;
    @Inject
    FeedHub hub;

    @Test
    void rehearsalLeavesTheReadModelAndTheStreamsAsTheyWere() {
        long[] before = counts();
        long position = hub.position();

        assertEquals(20, warmup.run(), "sample changes applied, then rolled back");

        long[] after = counts();
        assertEquals(before[0], after[0], "events");
        assertEquals(before[1], after[1], "posts");
        assertEquals(before[2], after[2], "feed rows");
        assertEquals(position, hub.position(), "the streams' position");
        given().when().get("/api/v1/events?limit=200").then().statusCode(200)
                .body("items.findAll { it.id.startsWith('warmup-') }.size()", org.hamcrest.Matchers.equalTo(0));
    }

    private long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {events.count(), postCount(), feed.count()});
    }

    /** Posts are read by plain JDBC in the service, so counted the same way here. */
    private long postCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM posts");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
