package org.claimline.web.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A storyline row of the read model: one of the competing stories inside an event. */
@Entity
@Table(name = "storylines")
public class StorylineEntity {

    @Id
    public String id;
    @Column(name = "event_id")
    public String eventId;
    public String label;
    @Column(name = "first_post_id")
    public String firstPostId;
    @Column(name = "first_post_at")
    public Instant firstPostAt;
    @Column(name = "last_post_at")
    public Instant lastPostAt;
    @Column(name = "post_count")
    public long postCount;
    @Column(name = "author_count")
    public long authorCount;
    public long corroboration;
}
