package org.coalitionledger.config;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.coalitionledger.agreement.command.Agreement;
import org.coalitionledger.coalition.command.Coalition;
import org.coalitionledger.coalition.command.CoalitionDirectory;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.correction.command.RecordIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers {@link CoalitionDirectory} questions by loading aggregates through their repositories. Inside a unit of
 * work the repositories hand back the instances that unit already holds, so a coalition formed earlier in the same
 * import is found.
 */
@Component
class AggregateCoalitionDirectory implements CoalitionDirectory {

    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<RecordIndex> recordIndex;
    /** A bulk import's private repositories ({@link StagedImports}), used instead on the thread that checks it. */
    private final ThreadLocal<Function<Class<?>, Repository<?>>> staged = new ThreadLocal<>();

    AggregateCoalitionDirectory(ObjectProvider<Configuration> axon, ObjectProvider<RecordIndex> recordIndex) {
        this.axon = axon;
        this.recordIndex = recordIndex;
    }

    /** Runs {@code work} with aggregates loaded through a bulk import's private repositories, on this thread. */
    void withRepositories(Function<Class<?>, Repository<?>> repositories, Runnable work) {
        staged.set(repositories);
        try {
            work.run();
        } finally {
            staged.remove();
        }
    }

    @Override
    public Optional<PartialDate> formedOn(String coalition) {
        try {
            return load(Coalition.class, coalition).map(aggregate -> aggregate.invoke(Coalition::formedOn));
        } catch (IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<DatedAct> agreementActs(String coalition) {
        List<DatedAct> acts = new ArrayList<>();
        for (String agreement : recordIndex.getObject().aggregatesOfType("Agreement")) {
            try {
                load(Agreement.class, agreement)
                        .filter(aggregate -> coalition.equals(aggregate.invoke(Agreement::coalition)))
                        .ifPresent(aggregate -> acts.addAll(aggregate.invoke(Agreement::datedActs)));
            } catch (IncompatibleAggregateException e) {
                // not an agreement after all: nothing of this coalition's
            }
        }
        return acts;
    }

    @Override
    public boolean isTaken(String id) {
        // both repositories are asked, so that an id created earlier in the same unit of work (an import) is found
        return exists(Coalition.class, id) || exists(Agreement.class, id);
    }

    private boolean exists(Class<?> type, String id) {
        try {
            return load(type, id).isPresent();
        } catch (IncompatibleAggregateException e) {
            // the events under this id make the other kind of aggregate
            return true;
        }
    }

    private <T> Optional<Aggregate<T>> load(Class<T> type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        Function<Class<?>, Repository<?>> stagedRepositories = staged.get();
        @SuppressWarnings("unchecked")
        Repository<T> repository = stagedRepositories != null ? (Repository<T>) stagedRepositories.apply(type)
                : axon.getObject().repository(type);
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
