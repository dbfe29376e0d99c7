package org.coalitionledger.it;

import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which database the integration tests run on: H2 in a data directory of their own (the default), or a database of
 * their own on the embedded PostgreSQL server with the application's {@code postgres} profile when the system property
 * {@code ledger.test.database} is {@code postgresql} (set by {@code it.stages.OnPostgresqlSuite} in {@code mvn verify},
 * or on the command line for a single class).
 */
public final class TestDatabase {

    public static final String PROPERTY = "ledger.test.database";
    private static final Map<Path, String> DATABASE_OF = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    public static boolean postgres() {
        String database = System.getProperty(PROPERTY, "h2");
        return switch (database) {
            case "h2" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalStateException(PROPERTY + " must be h2 or postgresql, not " + database);
        };
    }

    /** The data directory and the PostgreSQL database of the application the test classes share. */
    private static final Supplier<String> SHARED_DATA_DIR = once(LedgerHttpTestSupport::freshDataDir);
    private static final Supplier<String> SHARED_DATABASE = once(TestPostgres::freshDatabase);

    /**
     * For the {@code @SpringBootTest} application that test classes share: one data directory and, on PostgreSQL, one
     * database for the whole test run (each is made on first use).
     */
    public static void registerShared(DynamicPropertyRegistry registry) {
        register(registry, SHARED_DATA_DIR, SHARED_DATABASE);
    }

    /**
     * For a {@code @SpringBootTest} application of a test class's own: the given data directory and, on PostgreSQL, a
     * fresh database.
     */
    public static void registerFresh(DynamicPropertyRegistry registry, Supplier<Object> dataDir) {
        register(registry, dataDir, once(TestPostgres::freshDatabase));
    }

    /** As {@link #registerFresh(DynamicPropertyRegistry, Supplier)}, in a fresh data directory. */
    public static void registerFresh(DynamicPropertyRegistry registry) {
        registerFresh(registry, LedgerHttpTestSupport.oneFreshDataDir());
    }

    private static void register(DynamicPropertyRegistry registry, Supplier<?> dataDir, Supplier<String> url) {
        registry.add("ledger.data-dir", dataDir::get);
        if (postgres()) {
            registry.add("LEDGER_DB_URL", url::get);
            registry.add("LEDGER_DB_USER", () -> TestPostgres.USER);
            registry.add("LEDGER_DB_PASSWORD", () -> "");
        }
    }

    /**
     * For whole applications started by hand: the command-line arguments that put it on this data directory and, on
     * PostgreSQL, on the database that belongs to it (a new one the first time), so that a restart finds its ledger.
     */
    public static List<String> arguments(Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir));
        if (postgres()) {
            arguments.addAll(postgresArguments(DATABASE_OF.computeIfAbsent(dataDir.toAbsolutePath(),
                                                                           dir -> TestPostgres.freshDatabase())));
        }
        return arguments;
    }

    /** The arguments that put an application on the given PostgreSQL database with the {@code postgres} profile. */
    public static List<String> postgresArguments(String url) {
        return List.of("--spring.profiles.active=postgres", "--LEDGER_DB_URL=" + url,
                       "--LEDGER_DB_USER=" + TestPostgres.USER, "--LEDGER_DB_PASSWORD=");
    }

    /** Activates the application's {@code postgres} profile on the PostgreSQL run. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return postgres() ? new String[]{"postgres"} : new String[0];
        }
    }

    private static Supplier<String> once(Supplier<String> supplier) {
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
