package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A storyline (posts telling the same story inside one event) as claims stores it. */
@Entity
@Table(name = "storylines")
public class StorylineEntity extends PanacheEntityBase {

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
    /** The storyline that absorbed this one (a storyline merge), else null. */
    @Column(name = "merged_into")
    public String mergedInto;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
