package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads an event's timeline newest first by keyset (sort_at, id), served by the timeline indexes. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<PostEntity, String> {

    public List<PostEntity> timeline(String eventId, String storylineId, Instant afterAt, String afterId, int limit) {
        StringBuilder query = new StringBuilder("eventId = :event");
        Parameters parameters = Parameters.with("event", eventId);
        if (storylineId != null) {
            query.append(" and storylineId = :storyline");
            parameters.and("storyline", storylineId);
        }
        if (afterAt != null) {
            query.append(" and sortAt <= :at and (sortAt < :at or id < :id)");
            parameters.and("at", afterAt).and("id", afterId);
        }
        return find(query + " order by sortAt desc, id desc", parameters).page(0, limit).list();
    }
}
