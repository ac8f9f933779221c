package ir.tehran.womenfamily.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@link Exposure} sees a secret on a command line and a socket listening beyond the loopback address. */
class ExposureTest {

    @Test
    void aSecretOnACommandLineIsFoundByItsValueAndByItsPropertyName() throws Exception {
        // a shell that waits, its arguments as given (two commands, so that it does not exec sleep in its place)
        Process p = new ProcessBuilder("sh", "-c", "sleep 30; true", "probe", "-Dquarkus.datasource.password=pw1",
            "-Dgateway.token.signing-key-location=/keys/signing-jwk.json", "--agency=c2VjcmV0LWtleQ",
            "-Dregistry.agency-check.key=k", "-Dgateway.token.issuer=local").start();
        try {
            List<String> found = Exposure.secretsOnCommandLine(p.pid(), List.of("c2VjcmV0LWtleQ"));
            assertEquals(List.of(p.pid() + ": -Dquarkus.datasource.password=***",
                p.pid() + ": an argument holding a secret (23 characters)",
                p.pid() + ": -Dregistry.agency-check.key=***"), found);
            assertTrue(Exposure.commandLine(p.pid()).contains("-Dgateway.token.issuer=local"));
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSocketOnEveryAddressIsSeenAndOneOnLoopbackIsNot() throws Exception {
        long self = ProcessHandle.current().pid();
        try (ServerSocket everywhere = new ServerSocket(0);
             ServerSocket loopback = new ServerSocket()) {
            loopback.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            List<String> listening = Exposure.listeningAddresses(self);
            assertTrue(listening.stream().anyMatch(a -> a.endsWith(":" + everywhere.getLocalPort())),
                listening::toString);
            assertTrue(listening.contains("127.0.0.1:" + loopback.getLocalPort()), listening::toString);

            List<String> exposed = Exposure.nonLoopbackListeners(self);
            assertTrue(exposed.stream().anyMatch(a -> a.endsWith(":" + everywhere.getLocalPort())), exposed::toString);
            assertTrue(exposed.stream().noneMatch(a -> a.endsWith(":" + loopback.getLocalPort())), exposed::toString);
        }
    }

    @Test
    void addressesAreReadAsTheKernelWritesThem() {
        assertEquals("127.0.0.1", Exposure.address("0100007F").getHostAddress());
        assertEquals("0.0.0.0", Exposure.address("00000000").getHostAddress());
        // ::ffff:127.0.0.1, as a Java socket bound to 127.0.0.1 on a dual-stack system shows in tcp6
        assertEquals("127.0.0.1", Exposure.address("0000000000000000FFFF00000100007F").getHostAddress());
        assertTrue(Exposure.address("00000000000000000000000001000000").isLoopbackAddress());
    }
}
