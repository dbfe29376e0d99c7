package org.coalitionledger.security;

import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.coalitionledger.LedgerApplication;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger never connects outside the host. Over its whole life — start, import, queries, export, a rebuild,
 * a spell of background work, stop — two observers note where it talks to:
 * <ul>
 * <li>a default {@link ProxySelector} that writes down every URI it is asked about: every {@link java.net.Socket}
 * connect (as {@code socket://host:port}, asked before the connection is even tried), every {@code URLConnection}
 * and every {@link HttpClient} built with the default selector;</li>
 * <li>a Flight Recorder recording of every socket read and write ({@code jdk.SocketRead}, {@code jdk.SocketWrite},
 * no threshold), with the remote address: this sees NIO channels too, which bypass the proxy selector.</li>
 * </ul>
 * Neither may name anything but the loopback interface or this host's own addresses. Axon's update checker is
 * switched off. {@link #theObserversSeeConnectionsLeavingTheHost} shows that both observers do see connections.
 */
class NoOutboundConnectionTest {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1",
                                                         "0.0.0.0", "::", "0:0:0:0:0:0:0:0");

    /** Writes down every URI a client asked a proxy for, and answers: no proxy. */
    private static final class RecordingProxies extends ProxySelector {

        final List<URI> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }

    /** The Flight Recorder's socket reads and writes of the time between {@link #start} and {@link #stop}. */
    private static final class SocketTraffic {

        private final Recording recording = new Recording();

        SocketTraffic start() {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
            recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO);
            recording.start();
            return this;
        }

        /** Every remote end read from or written to, with the thread that did. */
        List<Remote> stop() throws IOException {
            recording.stop();
            Path file = Files.createTempFile("sockets", ".jfr");
            try {
                recording.dump(file);
                List<Remote> seen = new ArrayList<>();
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    seen.add(new Remote(event.getString("address"), event.getInt("port"), event.getString("host"),
                                        event.getThread() == null ? null : event.getThread().getJavaName()));
                }
                return seen;
            } finally {
                recording.close();
                Files.deleteIfExists(file);
            }
        }
    }

    /** The other end of a socket read or write. */
    private record Remote(String address, int port, String host, String thread) {
    }

    /** The loopback names and addresses, this host's own name and the addresses of its own interfaces. */
    private static List<String> thisHost() throws IOException {
        List<String> self = new ArrayList<>(LOOPBACK);
        InetAddress local = InetAddress.getLocalHost();
        self.add(local.getHostName());
        self.add(local.getHostAddress());
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            Collections.list(face.getInetAddresses()).forEach(address -> self.add(bare(address.getHostAddress())));
        }
        return self;
    }

    private static String bare(String host) {
        String unbracketed = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int scope = unbracketed.indexOf('%');
        return scope < 0 ? unbracketed : unbracketed.substring(0, scope);
    }

    private static List<URI> leaving(List<URI> asked, List<String> self) {
        synchronized (asked) {
            return asked.stream().filter(uri -> !self.contains(bare(host(uri)))).toList();
        }
    }

    /**
     * The host a URI names: {@code socket://} URIs carry it percent-encoded (an IPv6 address with its scope, such as
     * {@code %5bfd00::2%25eth0%5d}), which {@link URI#getHost} does not parse.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = URLDecoder.decode(String.valueOf(uri.getRawAuthority()), StandardCharsets.UTF_8);
        int port = authority.lastIndexOf(':');
        return port > authority.lastIndexOf(']') ? authority.substring(0, port) : authority;
    }

    private static List<Remote> leavingTraffic(List<Remote> seen, List<String> self) {
        return seen.stream().filter(remote -> remote.address() == null || !self.contains(bare(remote.address())))
                .toList();
    }

    @Test
    void theLedgerConnectsNowhereOutsideTheHostInItsWholeLife() throws Exception {
        List<String> self = thisHost();
        RecordingProxies proxies = new RecordingProxies();
        ProxySelector previousProxies = ProxySelector.getDefault();
        ProxySelector.setDefault(proxies);
        SocketTraffic traffic = new SocketTraffic().start();
        List<Remote> seen;
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
                assertThat(call(client, port, "POST", "/api/import", example).statusCode()).isEqualTo(201);
                for (String path : List.of("/api/coalitions", "/api/coalitions/it-coalition/members?asOf=2024-06-01",
                                           "/api/coalitions/it-coalition/history", "/api/export",
                                           "/api/parties/NL", "/v3/api-docs", "/actuator/health")) {
                    assertThat(call(client, port, "GET", path, null).statusCode()).as(path).isEqualTo(200);
                }
                assertThat(call(client, port, "POST", "/api/admin/rebuilds/membership", "").statusCode())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> call(client, port, "GET", "/api/admin/rebuilds", null).body()
                                .contains("\"state\":\"DONE\""));
                // the sealer (every second), the cluster heartbeat (every two) and the processors' claims run
                // meanwhile; nothing may leave the host while they do
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> leaving(proxies.asked, self).isEmpty());
            }
        } finally {
            seen = traffic.stop();
            ProxySelector.setDefault(previousProxies);
        }
        assertThat(proxies.asked).as("the proxy selector was asked at all").isNotEmpty();
        assertThat(leaving(proxies.asked, self)).isEmpty();
        assertThat(seen).as("socket traffic was recorded at all").isNotEmpty();
        assertThat(leavingTraffic(seen, self)).isEmpty();
    }

    /** The observers are not blind: a plain socket's attempt and an NIO channel's traffic are both seen. */
    @Test
    void theObserversSeeConnectionsLeavingTheHost() throws Exception {
        RecordingProxies proxies = new RecordingProxies();
        ProxySelector previousProxies = ProxySelector.getDefault();
        ProxySelector.setDefault(proxies);
        SocketTraffic traffic = new SocketTraffic().start();
        int port;
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            try (Socket socket = new Socket()) {
                // TEST-NET-1 (RFC 5737): never routed; the attempt is noted before it fails
                socket.connect(new InetSocketAddress("192.0.2.1", 9), 1);
            } catch (IOException expected) {
                // unreachable, as it should be
            }
            try (SocketChannel channel = SocketChannel.open(server.getLocalAddress())) {
                channel.write(ByteBuffer.wrap(new byte[]{1, 2, 3}));
            }
        } finally {
            ProxySelector.setDefault(previousProxies);
        }
        List<Remote> seen = traffic.stop();
        assertThat(leaving(proxies.asked, thisHost())).contains(URI.create("socket://192.0.2.1:9"));
        assertThat(seen).anyMatch(remote -> remote.port() == port);
        assertThat(leavingTraffic(List.of(new Remote("192.0.2.1", 9, "example.org", "main")), thisHost()))
                .hasSize(1);
    }

    private static HttpResponse<String> call(HttpClient client, int port, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.ADMIN.basic())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                             : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.equals("/api/import") ? "application/x-ndjson" : "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
