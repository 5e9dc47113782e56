package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Storylines of claims' own database. */
@ApplicationScoped
public class StorylineRepository implements PanacheRepositoryBase<StorylineEntity, String> {

    /** The stored storylines among these ids, loaded in one query. */
    public Map<String, StorylineEntity> findByIds(Collection<String> ids) {
        Map<String, StorylineEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(s -> found.put(s.id, s));
        }
        return found;
    }
}
