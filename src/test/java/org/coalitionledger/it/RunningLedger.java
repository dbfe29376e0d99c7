package org.coalitionledger.it;

import org.coalitionledger.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A whole application started on a data directory of its own, spoken to over real HTTP; close it to stop it. */
final class RunningLedger implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningLedger start(Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dataDir));
        arguments.addAll(TestUsers.asArguments());
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class)
                                         .run(arguments.toArray(String[]::new)));
    }

    static RunningLedger startFresh() {
        return start(Path.of(LedgerHttpTestSupport.freshDataDir()));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", TestUsers.ADMIN.basic()));
    }

    HttpResponse<String> post(String path, String body, String contentType)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", contentType).header("Authorization", TestUsers.ADMIN.basic()));
    }

    private URI uri(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
