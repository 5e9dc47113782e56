package org.claimline.claims.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows by JDBC batch with keys drawn from a sequence whose INCREMENT BY is a block size: one round trip gives a
 * block of keys. A block starts at the value drawn, so it never meets the blocks Hibernate's pooled optimizer drew
 * from the same sequence, which end at theirs (databases written by earlier versions).
 */
final class SequenceBlocks {

    private SequenceBlocks() {
    }

    /** Binds one row's parameters, its key drawn for it. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement insert, T row, long key) throws SQLException;
    }

    /**
     * Inserts the rows in list order in one JDBC batch, which the driver rewrites into multi-row inserts: through
     * Hibernate, each row cost an entity entry, a dirty check and a flush, a fifth of claims' CPU on a busy stream.
     */
    static <T> void insertAll(Connection connection, String sequence, int blockSize, String sql, List<T> rows,
            RowBinder<T> binder) throws SQLException {
        long[] keys = draw(connection, sequence, blockSize, rows.size());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                binder.bind(insert, rows.get(i), keys[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static long[] draw(Connection connection, String sequence, int blockSize, int count) throws SQLException {
        long[] keys = new long[count];
        int blocks = (count + blockSize - 1) / blockSize;
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('" + sequence + "') from generate_series(1, ?)")) {
            next.setInt(1, blocks);
            try (ResultSet rows = next.executeQuery()) {
                int i = 0;
                while (rows.next() && i < count) {
                    long start = rows.getLong(1);
                    for (int j = 0; j < blockSize && i < count; j++) {
                        keys[i++] = start + j;
                    }
                }
            }
        }
        return keys;
    }
}
