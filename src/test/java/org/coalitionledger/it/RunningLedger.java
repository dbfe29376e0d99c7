package org.coalitionledger.it;

import org.coalitionledger.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole application started on a data directory of its own (and, on the PostgreSQL run, a database of its own; see
 * {@link TestDatabase}), spoken to over real HTTP; close it to stop it.
 */
final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final LedgerClient client;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
        this.client = new LedgerClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts on the data directory's ledger; a second start on the same directory finds the same ledger. */
    static RunningLedger start(Path dataDir) {
        return start(TestDatabase.arguments(dataDir));
    }

    static RunningLedger startFresh() {
        return start(Path.of(LedgerHttpTestSupport.freshDataDir()));
    }

    /** Starts with these command-line arguments (on a random port). */
    static RunningLedger start(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add(0, "--server.port=0");
        all.addAll(TestUsers.asArguments());
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class).run(all.toArray(String[]::new)));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** The port the ledger answers on. */
    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    LedgerClient client() {
        return client;
    }

    HttpResponse<String> get(String path) {
        return client.get(path);
    }

    HttpResponse<String> post(String path, String body, String contentType) {
        return client.post(path, body, contentType);
    }

    HttpResponse<String> postAs(TestUsers.TestUser user, String path, String body) {
        return client.postAs(user, path, body);
    }

    @Override
    public void close() {
        context.close();
    }
}
