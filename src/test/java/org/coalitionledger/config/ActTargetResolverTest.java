package org.coalitionledger.config;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.coalitionledger.common.ActCommand;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActTargetResolverTest {

    @Test
    void routesEveryActCommandWhereTheAnnotationsDo() throws Exception {
        List<Class<?>> commands = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.coalitionledger").stream()
                .filter(type -> type.isAssignableTo(ActCommand.class) && !type.isInterface())
                .map(JavaClass::reflect).toList();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
        ActTargetResolver resolver = new ActTargetResolver();
        AnnotationCommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
        for (Class<?> type : commands) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == String.class ? components[i].getName() + "-value" : null;
            }
            Object command = type.getDeclaredConstructor(types).newInstance(values);
            var message = GenericCommandMessage.asCommandMessage(command);
            VersionedAggregateIdentifier ours = resolver.resolveTarget(message);
            VersionedAggregateIdentifier theirs = annotations.resolveTarget(message);
            assertThat(ours.getIdentifier()).as(type.getSimpleName()).isEqualTo(theirs.getIdentifier());
            assertThat(ours.getVersion()).as(type.getSimpleName()).isEqualTo(theirs.getVersion());
        }
    }
}
