package org.claimline.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL for {@code ./claimline up}: keeps its data in DATA_DIR across restarts, creates the named
 * databases when missing, and stops the server on SIGTERM. Arguments: DATA_DIR PORT DATABASE...
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: PostgresMain DATA_DIR PORT [DATABASE...]");
            System.exit(2);
        }
        Postgres postgres = new Postgres(Path.of(args[0]), Integer.parseInt(args[1]), false).start();
        for (int i = 2; i < args.length; i++) {
            postgres.createDatabase(args[i]);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "postgres-stop"));
        System.out.println("PostgreSQL ready on port " + postgres.port());
        stopped.await();
    }
}
