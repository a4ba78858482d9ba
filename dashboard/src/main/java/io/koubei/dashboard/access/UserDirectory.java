package io.koubei.dashboard.access;

import io.koubei.dashboard.settings.Problem;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.core.type.TypeReference;

/**
 * Every account that may sign in: the ones from configuration (koubei.security.users, the demo user, the first
 * admin — read-only here) and the ones admins create on the settings page, kept with bcrypt hashes in
 * the state store's {@code users} collection (shared by every node on Elasticsearch; a {@code settings/users.json}
 * of an older version is moved in on first start). Admins change roles, disable accounts and reset passwords; the last
 * enabled admin cannot be disabled or demoted, and nobody disables or demotes themselves.
 */
public final class UserDirectory implements UserDetailsService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,31}");
    private static final int MIN_PASSWORD = 8;

    /** Where an account comes from: configuration, the users page, or a sign-in through single sign-on. */
    public enum Source {
        CONFIGURATION, LOCAL, OIDC, LDAP;

        public boolean sso() {
            return this == OIDC || this == LDAP;
        }
    }

    /**
     * What the users page lists; {@code configured} accounts come from configuration and cannot be edited. Accounts
     * of single sign-on ({@link Source#sso()}) are listed from their first sign-in: their role is the one the
     * directory's groups map to at each sign-in (not editable here), and an admin may disable them.
     */
    public record Account(String name, Role role, boolean enabled, boolean configured, Instant changedAt, String changedBy,
            Source source) {
        public boolean roleEditable() {
            return !configured && !source.sso();
        }
    }

    /** One account in users.json. {@code source} null: created on the users page (older files have none). */
    record Stored(String name, Role role, boolean enabled, String password, Instant changedAt, String changedBy,
            Source source) {
        Source origin() {
            return source == null ? Source.LOCAL : source;
        }
    }

    /** Why a single sign-on was refused although the directory said yes. */
    public enum Refusal {
        /** An admin disabled the account here. */
        DISABLED,
        /** The name belongs to an account from configuration or the users page (or of the other directory). */
        NAME_TAKEN
    }

    /** The name and role a directory vouched for could not sign in here. */
    public static final class SignInRefused extends RuntimeException {
        private final Refusal refusal;

        SignInRefused(String name, Refusal refusal) {
            super(refusal == Refusal.DISABLED ? "account " + name + " is disabled"
                    : "the name " + name + " belongs to another account");
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final Map<String, UserDetails> configured = new LinkedHashMap<>();
    /** Accounts created on the users page, in the state store: every node of a cluster sees the same users. */
    private final io.koubei.dashboard.platform.state.TypedCollection<Stored> stored;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    /** The embedded state of one data directory (tests and the CLI). */
    public UserDirectory(List<UserDetails> fromConfiguration, Path dataDir, PasswordEncoder encoder) {
        this(fromConfiguration, new io.koubei.store.state.FileStateStore(dataDir), dataDir, encoder);
    }

    public UserDirectory(List<UserDetails> fromConfiguration, io.koubei.core.state.StateStore state, Path legacyDataDir,
            PasswordEncoder encoder) {
        fromConfiguration.forEach(u -> configured.put(u.getUsername(), u));
        this.stored = new io.koubei.dashboard.platform.state.TypedCollection<>(state.collection("users"), Stored.class);
        this.encoder = encoder;
        if (legacyDataDir != null) {
            Path file = legacyDataDir.resolve("settings").resolve("users.json");
            try {
                stored.importLegacy(file, new TypeReference<List<Stored>>() { }, Stored::name);
            } catch (RuntimeException e) {
                throw new IllegalStateException("users file " + file + " is not valid: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized UserDetails loadUserByUsername(String name) {
        UserDetails c = configured.get(name);
        if (c != null) {
            return User.withUserDetails(c).build(); // a copy: the caller may erase its credentials
        }
        Stored s = configured.containsKey(name) ? null : stored.get(name).orElse(null);
        if (s == null || s.origin().sso()) { // single sign-on accounts have no password here
            throw new UsernameNotFoundException(name);
        }
        return User.withUsername(s.name()).password(s.password()).roles(s.role().name()).disabled(!s.enabled()).build();
    }

    /** The account's current role and status, for sessions opened before a change. */
    public synchronized Optional<Account> find(String name) {
        return list().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public synchronized List<Account> list() {
        List<Account> out = new ArrayList<>();
        configured.values().forEach(u -> out.add(new Account(u.getUsername(), roleOf(u), u.isEnabled(), true, null, null,
                Source.CONFIGURATION)));
        stored.all().stream().filter(s -> !configured.containsKey(s.name()))
                .forEach(s -> out.add(new Account(s.name(), s.role(), s.enabled(), false, s.changedAt(), s.changedBy(),
                        s.origin())));
        return out;
    }

    /** Creates an account; returns its password (the given one, or a generated one to hand over once). */
    public synchronized String create(String name, Role role, String password, String actor) {
        List<Problem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            problems.add(Problem.of("settings.error.userName", n));
        } else if (configured.containsKey(n) || stored.get(n).isPresent()) {
            problems.add(Problem.of("settings.error.userExists", n));
        }
        if (role == null || role == Role.INGEST) {
            problems.add(Problem.of("settings.error.role", String.valueOf(role)));
        }
        String pw = password == null || password.isBlank() ? generatePassword() : password;
        if (pw.length() < MIN_PASSWORD) {
            problems.add(Problem.of("settings.error.password", MIN_PASSWORD));
        }
        if (!problems.isEmpty()) {
            throw new Problem.Rejected(problems);
        }
        stored.put(n, new Stored(n, role, true, encoder.encode(pw), Instant.now(), actor, Source.LOCAL));
        return pw;
    }

    /**
     * Records a sign-in through single sign-on with the role the directory's groups map to, creating the account on
     * first sign-in and updating its role on each; refused when an admin disabled the account or when the name is
     * that of another account (a directory must not sign anybody in as a local admin).
     */
    public synchronized Account signedIn(String name, Source source, Role role) {
        if (configured.containsKey(name)) {
            throw new SignInRefused(name, Refusal.NAME_TAKEN);
        }
        Stored s = stored.get(name).orElse(null);
        if (s != null && s.origin() != source) {
            throw new SignInRefused(name, Refusal.NAME_TAKEN);
        }
        if (s != null && !s.enabled()) {
            throw new SignInRefused(name, Refusal.DISABLED);
        }
        if (s == null || s.role() != role) {
            s = new Stored(name, role, true, null, Instant.now(), source.name().toLowerCase(java.util.Locale.ROOT), source);
            stored.put(name, s);
        }
        return new Account(s.name(), s.role(), s.enabled(), false, s.changedAt(), s.changedBy(), source);
    }

    public synchronized void setRole(String name, Role role, String actor) {
        Stored s = editable(name);
        if (s.origin().sso()) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.userSso", name)));
        }
        if (role == null || role == Role.INGEST) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.role", String.valueOf(role))));
        }
        if (s.role() == Role.ADMIN && role != Role.ADMIN) {
            guardAdminLoss(name, actor);
        }
        stored.put(name, new Stored(name, role, s.enabled(), s.password(), Instant.now(), actor, s.source()));
    }

    public synchronized void setEnabled(String name, boolean enabled, String actor) {
        Stored s = editable(name);
        if (!enabled && s.role() == Role.ADMIN) {
            guardAdminLoss(name, actor);
        }
        if (!enabled && name.equals(actor)) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.self", name)));
        }
        stored.put(name, new Stored(name, s.role(), enabled, s.password(), Instant.now(), actor, s.source()));
    }

    /** Sets a new random password and returns it (shown once to the admin). */
    public synchronized String resetPassword(String name, String actor) {
        Stored s = editable(name);
        if (s.origin().sso()) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.userSso", name)));
        }
        String pw = generatePassword();
        stored.put(name, new Stored(name, s.role(), s.enabled(), encoder.encode(pw), Instant.now(), actor, s.source()));
        return pw;
    }

    private Stored editable(String name) {
        if (configured.containsKey(name)) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.userConfigured", name)));
        }
        Stored s = stored.get(name).orElse(null);
        if (s == null) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.noUser", name)));
        }
        return s;
    }

    private void guardAdminLoss(String name, String actor) {
        if (name.equals(actor)) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.self", name)));
        }
        long admins = list().stream().filter(a -> a.enabled() && a.role() == Role.ADMIN && !a.name().equals(name)).count();
        if (admins == 0) {
            throw new Problem.Rejected(List.of(Problem.of("settings.error.lastAdmin", name)));
        }
    }

    private String generatePassword() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Role roleOf(UserDetails u) {
        for (Role r : List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER, Role.INGEST)) {
            for (GrantedAuthority a : u.getAuthorities()) {
                if (a.getAuthority().equals(r.authority())) {
                    return r;
                }
            }
        }
        return Role.VIEWER;
    }
}
