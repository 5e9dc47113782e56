package org.claimline.web.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A placed post of the read model: where it sorts, what the filters look at, and its API JSON rendered at write
 * time ({@link PostJson}). Pages are read by {@link PostRepository} in plain JDBC; the entity maps the table.
 */
@Entity
@Table(name = "posts")
public class PostEntity {

    @Id
    public String id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "storyline_id")
    public String storylineId;
    @Column(name = "sort_at")
    public Instant sortAt;
    @Column(name = "author_handle")
    public String authorHandle;
    @Column(name = "author_name")
    public String authorName;
    public String text;
    public String lang;
    @Column(name = "place_name")
    public String placeName;
    @Column(name = "signal_types")
    public String signalTypes;
    @Column(name = "api_json")
    public String apiJson;
}
