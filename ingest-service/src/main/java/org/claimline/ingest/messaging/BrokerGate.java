package org.claimline.ingest.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.claimline.contracts.Topics;
import org.claimline.ingest.config.IngestConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Remembers that the broker just failed us, so that while it is down new posts are refused at once (503) instead of
 * queueing behind records that are timing out; a probe asks the broker every few hundred milliseconds and opens the
 * gate again as soon as it answers, so ingest recovers by itself.
 */
@ApplicationScoped
public class BrokerGate {

    private static final Logger LOG = Logger.getLogger(BrokerGate.class);

    private final String bootstrapServers;
    private final long probeIntervalMillis;
    private final int probeTimeoutMillis;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claimline-broker-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean open = true;
    private Admin admin;

    public BrokerGate(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, IngestConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.probeIntervalMillis = config.broker().probeInterval().toMillis();
        this.probeTimeoutMillis = (int) config.broker().probeTimeout().toMillis();
    }

    /** Whether posts may be sent to the broker now. */
    public boolean isOpen() {
        return open;
    }

    /** A send failed or timed out: refuse new posts until the probe reaches the broker. */
    public void failed(Throwable cause) {
        if (open) {
            LOG.warnf("the broker did not acknowledge a post (%s); refusing posts with 503 until it answers again",
                    cause == null ? "timeout" : cause.getMessage());
        }
        open = false;
        if (probing.compareAndSet(false, true)) {
            scheduler.schedule(this::probe, probeIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        try {
            admin().describeTopics(java.util.List.of(Topics.POSTS)).allTopicNames()
                    .get(probeTimeoutMillis, TimeUnit.MILLISECONDS);
            open = true;
            probing.set(false);
            LOG.info("the broker answers again; accepting posts");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            scheduler.schedule(this::probe, probeIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "claimline-ingest-broker-probe",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, probeTimeoutMillis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, probeTimeoutMillis,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, (int) probeIntervalMillis,
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) probeTimeoutMillis,
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) probeTimeoutMillis));
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
