package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

final class Files2 {

    private Files2() {
    }

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /**
     * Writes {@code content} to {@code file}, readable and writable by the owner only (0600) from the moment it
     * exists: the file is created with those permissions, or narrowed to them before it is written again. Its
     * directory, when it has to be made, is the owner's only too (0700). For secrets: passwords, keys.
     */
    static void writeOwnerOnly(Path file, byte[] content) {
        try {
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(file.getParent())) {
                if (posix) {
                    Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(file.getParent());
                }
            }
            if (posix) {
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                } else {
                    FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_FILE);
                    Files.createFile(file, attr);
                }
            }
            Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the tree {@code from} to {@code to}, which must not exist yet. */
    static void copyRecursively(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
