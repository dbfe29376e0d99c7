package org.coalitionledger.bench.startup;

import baseline.startup.BareApplication;
import org.coalitionledger.LedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where the ledger's start-up goes: starts it in this JVM with Spring's {@link BufferingApplicationStartup} and
 * prints the steps that took longest, each with its own time (without the steps inside it), as
 * {@code STEP <own ms> <total ms> <name> <tags>}. Run it with the same class path as {@link StartupBenchmark}
 * (docs/performance.md). With the first argument {@code bare} it starts {@link BareApplication} instead, its database
 * in {@code LEDGER_DATA_DIR} (give it then a class path without the axon-, springdoc- and swagger- jars, as the
 * benchmark does); the other arguments go to the application ({@code --server.port=0} is added).
 */
public final class StartupSteps {

    private static final int SHOWN = 40;

    private StartupSteps() {
    }

    public static void main(String[] args) {
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
        boolean bare = args.length > 0 && args[0].equals("bare");
        SpringApplication application = bare
                ? BareApplication.application(System.getenv().getOrDefault("LEDGER_DATA_DIR", "data"))
                : new SpringApplication(LedgerApplication.class);
        application.setApplicationStartup(recorder);
        String[] arguments = Stream.concat(Arrays.stream(args).skip(bare ? 1 : 0), Stream.of("--server.port=0"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            StartupTimeline timeline = recorder.getBufferedTimeline();
            List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
            Map<Long, Duration> children = new HashMap<>();
            for (StartupTimeline.TimelineEvent event : events) {
                Long parent = event.getStartupStep().getParentId();
                if (parent != null) {
                    children.merge(parent, event.getDuration(), Duration::plus);
                }
            }
            events.stream()
                    .sorted(Comparator.comparing((StartupTimeline.TimelineEvent e) -> own(e, children)).reversed())
                    .limit(SHOWN)
                    .forEach(e -> System.out.printf(Locale.ROOT, "STEP %6d %6d %s %s%n", own(e, children).toMillis(),
                                                    e.getDuration().toMillis(), e.getStartupStep().getName(),
                                                    tags(e.getStartupStep())));
            System.out.printf(Locale.ROOT, "STEPS %d recorded, from %s%n", events.size(), timeline.getStartTime());
        }
    }

    private static Duration own(StartupTimeline.TimelineEvent event, Map<Long, Duration> children) {
        return event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(StartupStep step) {
        return String.join(" ", StreamSupport.stream(step.getTags().spliterator(), false)
                .map(tag -> tag.getKey() + "=" + tag.getValue()).toList());
    }
}
