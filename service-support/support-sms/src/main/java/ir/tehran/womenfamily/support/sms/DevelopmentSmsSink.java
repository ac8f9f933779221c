package ir.tehran.womenfamily.support.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * The development sink: sends nothing, shows each message to the person running the stack, in the log and, when
 * configured, appended to a file ({@code support.sms.development.file}; the local stack puts it next to
 * {@code demo-credentials.properties}). The number is shown masked, the text in full: the text is what a developer
 * needs (the code), and the file is only readable by her (created 0600 where the file system allows). Never the
 * provider of a production configuration.
 */
public final class DevelopmentSmsSink implements SmsSender {

    public static final String NAME = "development";

    private static final Logger LOG = Logger.getLogger(DevelopmentSmsSink.class);

    private final Optional<Path> file;

    public DevelopmentSmsSink(Optional<Path> file) {
        this.file = file;
    }

    @Override
    public synchronized Receipt send(String mobile, String text) {
        String id = UUID.randomUUID().toString();
        String line = Instant.now() + " " + Mobile.masked(mobile) + " " + text.replace('\n', ' ');
        LOG.infof("development SMS (not sent) %s", line);
        file.ifPresent(f -> append(f, line));
        return new Receipt(NAME, id);
    }

    private static void append(Path f, String line) {
        try {
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            if (!Files.exists(f)) {
                Files.createFile(f);
                try {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions protect it
                }
            }
            Files.writeString(f, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SmsException("the development SMS file could not be written: " + e.getMessage(), e);
        }
    }
}
