package io.koubei.dashboard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The data directory holds raw feedback, unmasked dead letters, users and settings: it is made owner-only (700) at
 * start, before any store opens it, and what it holds is made 700 (folders) / 600 (files), once more after the
 * embedded store opened its index and once more when every bean is created. What is written
 * later sits inside the 700 directory, out of other accounts' reach whatever the process umask. On a file system
 * without POSIX permissions nothing is changed.
 */
public final class OwnerOnlyDataDir implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDataDir.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    public OwnerOnlyDataDir(Path dir) {
        this.dir = dir;
        tighten();
    }

    /** Makes the directory and what it holds now owner-only (again: e.g. once a store created its folders). */
    public void tighten() {
        try {
            Files.createDirectories(dir);
            if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    restrict(d, DIRECTORY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        restrict(f, FILE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    log.warn("cannot make {} owner-only: {}", f, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dir, e);
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> wanted) {
        try {
            if (!Files.getPosixFilePermissions(p).equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.warn("cannot make {} owner-only: {}", p, e.getMessage()); // e.g. another owner's file: say so, go on
        }
    }

    /**
     * Creates {@code file} (and its folders) owner-only (600 / 700) when it does not exist yet, for files then opened
     * with APPEND: what the process umask would make world-readable.
     */
    public static void createPrivately(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            restrict(parent, DIRECTORY);
        }
        if (Files.notExists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // another writer was first
            }
        }
    }

    /** Once every bean is created: what the stores and buses made at start (the index, the dead-letter folder…). */
    @Override
    public void afterSingletonsInstantiated() {
        tighten();
    }

    public Path dir() {
        return dir;
    }
}
