package org.claimline.tools.limits;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL ceilings of this machine: single-row commits, multi-row inserts and COPY, each into a scratch
 * table of rows shaped like a small post (id, time, text).
 */
public final class PostgresLimits {

    private static final int ROWS_PER_INSERT = 1000;
    private static final int ROWS_PER_COPY = 50_000;
    private static final String TEXT = "Flooding in the harbour district, water up to the first floor #harbour";

    private final String url;
    private final String user;
    private final String password;
    private final Duration each;

    public PostgresLimits(String url, String user, String password, Duration each) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.each = each;
    }

    public record Figures(double singleRowCommitsPerSecond, double multiRowRowsPerSecond, double copyRowsPerSecond) {
    }

    public Figures measure() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists claimline_limits");
                s.execute("create table claimline_limits (id bigint primary key, at timestamptz, body text)");
            }
            try {
                return new Figures(singleRowCommits(c), multiRowInserts(c), copy(c));
            } finally {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("drop table if exists claimline_limits");
                }
            }
        }
    }

    private double singleRowCommits(Connection c) throws SQLException {
        c.setAutoCommit(true);
        long id = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        try (PreparedStatement insert = c.prepareStatement(
                "insert into claimline_limits values (?, now(), ?)")) {
            while (System.nanoTime() < end) {
                insert.setLong(1, id++);
                insert.setString(2, TEXT);
                insert.executeUpdate();
            }
        }
        return id / seconds(start);
    }

    private double multiRowInserts(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into claimline_limits values ");
        for (int i = 0; i < ROWS_PER_INSERT; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, now(), ?)");
        }
        c.setAutoCommit(false);
        long id = 1L << 40;
        long rows = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            while (System.nanoTime() < end) {
                for (int i = 0; i < ROWS_PER_INSERT; i++) {
                    insert.setLong(2 * i + 1, id++);
                    insert.setString(2 * i + 2, TEXT);
                }
                insert.executeUpdate();
                c.commit();
                rows += ROWS_PER_INSERT;
            }
        }
        c.setAutoCommit(true);
        return rows / seconds(start);
    }

    private double copy(Connection c) throws SQLException {
        try {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long id = 1L << 50;
            long rows = 0;
            long start = System.nanoTime();
            long end = start + each.toNanos();
            while (System.nanoTime() < end) {
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < ROWS_PER_COPY; i++) {
                    data.append(id++).append("\t2026-01-01 00:00:00+00\t").append(TEXT).append('\n');
                }
                rows += copy.copyIn("copy claimline_limits from stdin", new StringReader(data.toString()));
            }
            return rows / seconds(start);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
