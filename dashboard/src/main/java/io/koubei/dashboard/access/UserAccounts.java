package io.koubei.dashboard.access;

import io.koubei.dashboard.platform.KoubeiProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Builds the user list from configuration; creates a first admin when there is none. */
final class UserAccounts {
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private UserAccounts() {
    }

    static List<UserDetails> from(AccessProperties access, KoubeiProperties koubei, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (AccessProperties.User u : access.getUsers()) {
            if (u.getName() == null || u.getPassword() == null) {
                throw new IllegalStateException("koubei.security.users: every user needs a name and a password");
            }
            String stored = u.getPassword().startsWith("{") ? u.getPassword() : encoder.encode(u.getPassword());
            users.add(User.withUsername(u.getName()).password(stored).roles(u.getRole().name()).build());
        }
        if (access.isDemoUser()) {
            log.warn("Demo sign-in enabled: anyone who reaches this server can sign in as demo / demo (analyst)."
                    + " For a demo on a laptop only; never on a shared server (koubei.security.demo-user, serve --demo).");
            users.add(User.withUsername("demo").password(encoder.encode("demo")).roles(Role.ANALYST.name()).build());
        }
        if (users.stream().noneMatch(u -> u.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority())))) {
            users.add(User.withUsername("admin").password(encoder.encode(firstAdminPassword(koubei.getDataDir())))
                    .roles(Role.ADMIN.name()).build());
        }
        return users;
    }

    /** Random once, then kept in the data dir (readable by the owner only) so restarts keep the same password. */
    private static String firstAdminPassword(Path dataDir) {
        Path file = dataDir.resolve("admin-password.txt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            byte[] b = new byte[12];
            new SecureRandom().nextBytes(b);
            String password = HexFormat.of().formatHex(b);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Created user 'admin'; its password is in {}", file.toAbsolutePath());
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the first admin password in " + file, e);
        }
    }

    static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
