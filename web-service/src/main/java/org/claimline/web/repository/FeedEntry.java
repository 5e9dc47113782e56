package org.claimline.web.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only feed: an applied change with its SSE id and the JSON sent to clients. */
@Entity
@Table(name = "feed")
public class FeedEntry {

    @Id
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "other_event_id")
    public String otherEventId;
    public String kind;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
}
