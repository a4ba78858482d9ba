package io.koubei.dashboard.audit;

import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did what and when: logins, settings, users and tokens, alert acknowledgements, exports, erasures, model
 * activations. Kept in the state store's {@code audit} collection, so it survives restarts and every node of a
 * cluster writes to and reads the same log. The actor and address are taken from the current request.
 */
public class AuditLog {
    private static final Logger log = LoggerFactory.getLogger("koubei.audit");

    private final TypedCollection<AuditEntry> entries;
    private final Clock clock;

    public AuditLog(StateStore state, Clock clock) {
        this.entries = new TypedCollection<>(state.collection("audit"), AuditEntry.class);
        this.clock = clock;
    }

    /** Records an action by whoever is signed in on this request (or {@code system}). */
    public AuditEntry record(String action, String target, String detail) {
        return record(currentActor(), action, target, detail);
    }

    /** Records an action by a named actor (e.g. a failed login, where nobody is signed in yet). */
    public AuditEntry record(String actor, String action, String target, String detail) {
        Instant at = clock.instant();
        // ids sort by time, so the log lists in order without an index on time
        String id = at.toString() + "-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEntry e = new AuditEntry(id, at, actor, action, target, detail, currentAddress());
        try {
            entries.put(id, e);
        } catch (RuntimeException ex) {
            log.error("audit entry not stored: {} {} {} ({})", actor, action, target, ex.getMessage());
            throw ex;
        }
        log.info("{} {} {}{}", actor, action, target == null ? "" : target, detail == null ? "" : " (" + detail + ")");
        return e;
    }

    /**
     * Entries newest first, filtered; null filters match everything. {@code action} matches a whole action or a
     * prefix ending in a dot's segment, e.g. {@code login} matches {@code login.failure}.
     */
    public List<AuditEntry> list(Instant from, Instant to, String actor, String action, int limit) {
        return entries.all().stream()
                .filter(e -> from == null || !e.at().isBefore(from))
                .filter(e -> to == null || e.at().isBefore(to))
                .filter(e -> actor == null || actor.equals(e.actor()))
                .filter(e -> action == null || e.action().equals(action) || e.action().startsWith(action + "."))
                .sorted(Comparator.comparing(AuditEntry::id).reversed())
                .limit(limit)
                .toList();
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? "system" : auth.getName();
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }
}
