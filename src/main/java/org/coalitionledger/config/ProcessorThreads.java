package org.coalitionledger.config;

import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Gives every tracking processor one thread more than its segments, unless its {@code thread-count} is set.
 * <p>
 * Why: with as many threads as segments, a processor's segment launcher becomes the worker of the last segment it
 * claims. Stopped in that moment (a rebuild or its coordination stops processors while they start), Axon 4.13 frees
 * that segment without giving its thread back ({@code TrackingEventProcessor.WorkerLauncher.cleanUp}), so after the
 * next start one segment has no thread and that share of the projection never moves. With a spare thread the
 * launcher stays a launcher (it looks for unclaimed segments every {@code token-claim-interval}) and never takes
 * that path. {@code KilledDuringRebuildTest} caught it.
 */
class ProcessorThreads implements BeanPostProcessor {

    private final Environment environment;

    ProcessorThreads(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EventProcessorProperties properties) {
            properties.getProcessors().forEach((name, settings) -> {
                boolean set = environment.containsProperty("axon.eventhandling.processors." + name + ".thread-count");
                if (!set && settings.getMode() == EventProcessorProperties.Mode.TRACKING) {
                    Integer segments = settings.getInitialSegmentCount();
                    settings.setThreadCount((segments == null ? 1 : segments) + 1);
                }
            });
        }
        return bean;
    }
}
