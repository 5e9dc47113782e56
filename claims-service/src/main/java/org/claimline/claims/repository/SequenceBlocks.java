package org.claimline.claims.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Draws keys for rows inserted by JDBC batch from a sequence whose INCREMENT BY is a block size: one round trip gives a
 * block of keys. A block starts at the value drawn, so it never meets the blocks Hibernate's pooled optimizer drew
 * from the same sequence, which end at theirs (databases written by earlier versions).
 */
final class SequenceBlocks {

    private SequenceBlocks() {
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
