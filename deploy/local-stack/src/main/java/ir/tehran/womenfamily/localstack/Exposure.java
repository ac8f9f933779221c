package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the processes of a running stack show to every other user of the machine, read from {@code /proc}
 * (Linux): their command lines, which anyone can read ({@code ps -eo args}), and the addresses their sockets
 * listen on. A local stack keeps every secret off its command lines and listens on the loopback address only;
 * the run command's test ({@code RunCommandIT}) checks both with this class.
 */
public final class Exposure {

    private static final Pattern PROPERTY = Pattern.compile("-D([^=]+)=(.*)", Pattern.DOTALL);
    /** A property name that says its value is a secret ({@code ...password}, {@code registry.agency-check.key}). */
    private static final Pattern SECRET_NAME = Pattern.compile(
        "(?i).*(password|secret|passphrase|private|hmac|credential|[.-]key\\b).*");
    /** ... unless it names where the secret is ({@code gateway.token.signing-key-location}). */
    private static final Pattern REFERENCE = Pattern.compile("(?i).*(location|path|file|dir)$");
    private static final String LISTEN = "0A";

    private Exposure() {
    }

    /** The arguments of process {@code pid}, as the kernel shows them to anyone; empty when it is gone. */
    public static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            return args;
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The arguments of process {@code pid} that hold one of {@code secrets} or set a property whose name says it
     * is secret ({@code -Dquarkus.datasource.password=...}); each as {@code "pid: argument"} with the value
     * masked.
     */
    public static List<String> secretsOnCommandLine(long pid, Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String arg : commandLine(pid)) {
            Matcher property = PROPERTY.matcher(arg);
            if (property.matches() && SECRET_NAME.matcher(property.group(1)).matches()
                    && !REFERENCE.matcher(property.group(1)).matches() && !property.group(2).isEmpty()) {
                found.add(pid + ": -D" + property.group(1) + "=***");
                continue;
            }
            for (String secret : secrets) {
                if (secret != null && !secret.isEmpty() && arg.contains(secret)) {
                    found.add(pid + ": an argument holding a secret (" + arg.length() + " characters)");
                    break;
                }
            }
        }
        return found;
    }

    /** The TCP addresses process {@code pid} listens on, as {@code address:port}. */
    public static List<String> listeningAddresses(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    out.add(address(local[0]).getHostAddress() + ":" + Integer.parseInt(local[1], 16));
                }
            }
        }
        return out;
    }

    /** The addresses process {@code pid} listens on that are not a loopback address, as {@code "pid: address"}. */
    public static List<String> nonLoopbackListeners(long pid) {
        List<String> out = new ArrayList<>();
        for (String listening : listeningAddresses(pid)) {
            String host = listening.substring(0, listening.lastIndexOf(':'));
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    out.add(pid + ": " + listening);
                }
            } catch (UnknownHostException e) {
                out.add(pid + ": " + listening);
            }
        }
        return out;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            // gone
        }
        return inodes;
    }

    /**
     * An address of {@code /proc/net/tcp[6]}: the bytes in network order, written as 32-bit words in the host's
     * (little-endian) order.
     */
    static InetAddress address(String hex) {
        byte[] words = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[words.length];
        for (int w = 0; w < words.length; w += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[w + i] = words[w + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }
}
