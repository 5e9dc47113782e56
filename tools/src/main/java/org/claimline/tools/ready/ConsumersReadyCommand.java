package org.claimline.tools.ready;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Waits until consumer groups are stable with partitions assigned. A service reports healthy before Kafka has
 * handed its consumer any partition; {@code ./claimline up} waits for this too, so the first post after it returns
 * flows at once instead of waiting for the group to form.
 */
@Command(name = "consumers-ready", description = "Wait until the named consumer groups have partitions assigned.")
public final class ConsumersReadyCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int REQUEST_TIMEOUT_MS = 3000;

    @Option(names = "--kafka", required = true, description = "bootstrap servers")
    String bootstrap;

    @Option(names = "--timeout-seconds", defaultValue = "120")
    int timeoutSeconds;

    @Parameters(paramLabel = "GROUP", description = "consumer group ids")
    List<String> groups;

    @Override
    public Integer call() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS))) {
            while (System.nanoTime() < deadline) {
                try {
                    Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                            .get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    if (described.values().stream().allMatch(ConsumersReadyCommand::assigned)) {
                        return 0;
                    }
                } catch (Exception e) {
                    // The broker or a group coordinator is not answering yet: ask again.
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        System.err.println("consumer groups " + groups + " have no partitions assigned after " + timeoutSeconds
                + " s");
        return 1;
    }

    private static boolean assigned(ConsumerGroupDescription group) {
        return group.groupState() == GroupState.STABLE && !group.members().isEmpty()
                && group.members().stream().map(MemberDescription::assignment)
                .allMatch(a -> !a.topicPartitions().isEmpty());
    }
}
