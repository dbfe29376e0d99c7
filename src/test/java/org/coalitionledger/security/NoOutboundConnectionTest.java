package org.coalitionledger.security;

import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.coalitionledger.LedgerApplication;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger never connects outside the host: over its whole life — start, import, queries, export, a rebuild,
 * a pause for background work, stop — every socket connection, name lookup and proxy selection is recorded, and none
 * goes anywhere but the loopback interface. Axon's update checker is switched off.
 */
class NoOutboundConnectionTest {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1",
                                                         "0.0.0.0", "::", "0:0:0:0:0:0:0:0");

    /** Lets everything happen, and writes down every connection attempt that leaves the host. */
    private static final class Recording extends SecurityManager {

        final List<String> outbound = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void checkPermission(Permission permission) {
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
        }

        @Override
        public void checkConnect(String host, int port) {
            record(host, port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            record(host, port);
        }

        @Override
        public void checkMulticast(InetAddress address) {
            outbound.add("multicast " + address);
        }

        /**
         * This host's own name and the addresses of its own interfaces: Tomcat connects to its own listening address
         * to wake its acceptor when it stops, which never leaves the host.
         */
        private final List<String> self = new ArrayList<>();

        Recording() throws IOException {
            InetAddress local = InetAddress.getLocalHost();
            self.add(local.getHostName());
            self.add(local.getHostAddress());
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                Collections.list(face.getInetAddresses()).forEach(address -> self.add(bare(address.getHostAddress())));
            }
        }

        private static String bare(String host) {
            String unbracketed = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            int scope = unbracketed.indexOf('%');
            return scope < 0 ? unbracketed : unbracketed.substring(0, scope);
        }

        private void record(String host, int port) {
            String bare = bare(host);
            if (!LOOPBACK.contains(bare) && !self.contains(bare)) {
                outbound.add(host + ":" + port + " from " + Thread.currentThread().getName());
            }
        }
    }

    /** Writes down every URI a client asked a proxy for. */
    private static final class RecordingProxies extends ProxySelector {

        final List<URI> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Proxy> select(URI uri) {
            if (!LOOPBACK.contains(uri.getHost())) {
                asked.add(uri);
            }
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }

    @Test
    @SuppressWarnings("removal")
    void theLedgerConnectsNowhereOutsideTheHostInItsWholeLife() throws Exception {
        Recording connections = new Recording();
        RecordingProxies proxies = new RecordingProxies();
        ProxySelector previousProxies = ProxySelector.getDefault();
        SecurityManager previous = System.getSecurityManager();
        ProxySelector.setDefault(proxies);
        System.setSecurityManager(connections);
        try {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0", "--ledger.data-dir=" + LedgerHttpTestSupport.freshDataDir()));
            arguments.addAll(TestUsers.asArguments());
            try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                    .run(arguments.toArray(String[]::new))) {
                assertThat(ledger.getBeansOfType(UsagePropertyProvider.class).values())
                        .isNotEmpty().allMatch(UsagePropertyProvider::getDisabled);
                assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
                int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
                HttpClient client = HttpClient.newBuilder().proxy(proxies).build();
                String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
                assertThat(call(client, port, "POST", "/api/import", example)).isEqualTo(201);
                for (String path : List.of("/api/coalitions", "/api/coalitions/it-coalition/members?asOf=2024-06-01",
                                           "/api/coalitions/it-coalition/history", "/api/export",
                                           "/api/parties/NL", "/v3/api-docs", "/actuator/health")) {
                    assertThat(call(client, port, "GET", path, null)).as(path).isEqualTo(200);
                }
                assertThat(call(client, port, "POST", "/api/admin/rebuilds/membership", "")).isEqualTo(202);
                Thread.sleep(3_000);
            }
        } finally {
            System.setSecurityManager(previous);
            ProxySelector.setDefault(previousProxies);
        }
        assertThat(connections.outbound).isEmpty();
        assertThat(proxies.asked).isEmpty();
    }

    private static int call(HttpClient client, int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.ADMIN.basic())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                             : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.equals("/api/import") ? "application/x-ndjson" : "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
