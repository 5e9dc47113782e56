package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Events of claims' own database. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, String> {

    /** What a merge moves, in order; each takes (into, from). */
    private static final String[] MOVES = {
        "update storylines set event_id = ? where event_id = ?",
        "update posts set event_id = ? where event_id = ?",
        "insert into event_authors (event_id, author_handle) select ?, author_handle from event_authors "
                + "where event_id = ? on conflict do nothing"
    };

    /** The stored events among these ids, loaded in one query. */
    public Map<String, EventEntity> findByIds(Collection<String> ids) {
        Map<String, EventEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(e -> found.put(e.id, e));
        }
        return found;
    }

    /**
     * Moves one event's storylines, posts and authors into another (a merge) and returns the absorbing event's
     * number of authors new to it (its last statement: the authors' insert). The caller flushes first, so that rows
     * of the current batch move too.
     */
    public long moveContents(String fromEventId, String intoEventId) {
        return ContentMove.run(getEntityManager(), MOVES, fromEventId, intoEventId);
    }
}
