package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Storylines of claims' own database. */
@ApplicationScoped
public class StorylineRepository implements PanacheRepositoryBase<StorylineEntity, String> {

    /** What a storyline merge moves, in order; each takes (into, from). */
    private static final String[] MOVES = {
        // signals through their posts (indexed), before the posts move
        "update post_signals set storyline_id = ? where post_id in (select id from posts where storyline_id = ?)",
        "update posts set storyline_id = ? where storyline_id = ?",
        "insert into storyline_authors (storyline_id, author_handle) select ?, author_handle from storyline_authors "
                + "where storyline_id = ? on conflict do nothing"
    };

    /** The stored storylines among these ids, loaded in one query. */
    public Map<String, StorylineEntity> findByIds(Collection<String> ids) {
        Map<String, StorylineEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(s -> found.put(s.id, s));
        }
        return found;
    }

    /**
     * Moves one storyline's stored posts, signals and authors into another of the same event (a storyline merge) and
     * returns the number of authors new to the absorbing storyline (its last statement: the authors' insert). Rows of
     * the current batch not written yet are the caller's to move.
     */
    public long moveContents(String fromStorylineId, String intoStorylineId) {
        return ContentMove.run(getEntityManager(), MOVES, fromStorylineId, intoStorylineId);
    }
}
