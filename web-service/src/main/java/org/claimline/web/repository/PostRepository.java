package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Reads an event's timeline newest first by keyset (sort_at, id), served by the timeline indexes. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<PostEntity, String> {

    /** Narrowing of a timeline; null parts do not narrow. {@code text} searches text, author and place. */
    public record Filter(String storylineId, String text, String signal, String lang) {
    }

    public List<PostEntity> timeline(String eventId, Filter filter, Instant afterAt, String afterId, int limit) {
        StringBuilder query = new StringBuilder("eventId = :event");
        Parameters parameters = Parameters.with("event", eventId);
        if (filter.storylineId() != null) {
            query.append(" and storylineId = :storyline");
            parameters.and("storyline", filter.storylineId());
        }
        if (filter.lang() != null) {
            query.append(" and lang = :lang");
            parameters.and("lang", filter.lang());
        }
        if (filter.signal() != null) {
            query.append(" and signalTypes like :signal escape '!'");
            parameters.and("signal", "% " + likeEscape(filter.signal()) + " %");
        }
        if (filter.text() != null) {
            query.append(" and (lower(text) like :text escape '!' or lower(authorHandle) like :text escape '!'"
                    + " or lower(authorName) like :text escape '!' or lower(placeName) like :text escape '!')");
            parameters.and("text", "%" + likeEscape(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterAt != null) {
            query.append(" and sortAt <= :at and (sortAt < :at or id < :id)");
            parameters.and("at", afterAt).and("id", afterId);
        }
        return find(query + " order by sortAt desc, id desc", parameters).page(0, limit).list();
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
