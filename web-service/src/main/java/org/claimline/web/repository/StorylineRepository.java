package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Reads the storylines of events. */
@ApplicationScoped
public class StorylineRepository implements PanacheRepositoryBase<StorylineEntity, String> {

    public List<StorylineEntity> ofEvents(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return list("eventId in ?1 order by firstPostAt asc nulls last, id asc", eventIds);
    }
}
