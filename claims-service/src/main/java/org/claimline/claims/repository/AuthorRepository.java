package org.claimline.claims.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Distinct claimed authors per event and storyline. One multi-row insert per batch tells which (owner, author) pairs
 * are new, so counts rise without a query per post.
 */
@ApplicationScoped
public class AuthorRepository {

    private final EntityManager em;

    public AuthorRepository(EntityManager em) {
        this.em = em;
    }

    /** Records these (event, author) pairs; returns the pairs that were not recorded before. */
    public Set<Pair> addEventAuthors(List<Pair> pairs) {
        return insertNew("insert into event_authors (event_id, author_handle) "
                + "select * from unnest(?::varchar[], ?::text[]) on conflict do nothing "
                + "returning event_id, author_handle", pairs);
    }

    /** Records these (storyline, author) pairs; returns the pairs that were not recorded before. */
    public Set<Pair> addStorylineAuthors(List<Pair> pairs) {
        return insertNew("insert into storyline_authors (storyline_id, author_handle) "
                + "select * from unnest(?::varchar[], ?::text[]) on conflict do nothing "
                + "returning storyline_id, author_handle", pairs);
    }

    private Set<Pair> insertNew(String sql, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        String[] owners = new String[pairs.size()];
        String[] authors = new String[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            owners[i] = pairs.get(i).ownerId();
            authors[i] = pairs.get(i).author();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<Pair> inserted = new HashSet<>();
            Array ownerArray = connection.createArrayOf("varchar", owners);
            Array authorArray = connection.createArrayOf("text", authors);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ownerArray);
                statement.setArray(2, authorArray);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(new Pair(rows.getString(1), rows.getString(2)));
                    }
                }
            } finally {
                ownerArray.free();
                authorArray.free();
            }
            return inserted;
        });
    }

    /** An event or storyline id with one author handle. */
    public record Pair(String ownerId, String author) {
    }
}
