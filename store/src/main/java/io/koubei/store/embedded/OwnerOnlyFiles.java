package io.koubei.store.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The index holds personal data: every file Lucene creates is made owner-only (600) as it is created, where the file
 * system has POSIX permissions, whatever the process's umask.
 */
final class OwnerOnlyFiles extends FilterDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    OwnerOnlyFiles(Directory in, Path dir) {
        super(in);
        this.dir = dir;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        restrict(out.getName());
        return out;
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        restrict(out.getName());
        return out;
    }

    private void restrict(String name) throws IOException {
        if (POSIX) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        }
    }
}
