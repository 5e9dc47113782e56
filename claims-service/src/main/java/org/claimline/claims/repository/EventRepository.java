package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Events of claims' own database. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, String> {

    /** The stored events among these ids, loaded in one query. */
    public Map<String, EventEntity> findByIds(Collection<String> ids) {
        Map<String, EventEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(e -> found.put(e.id, e));
        }
        return found;
    }
}
