package io.koubei.dashboard.access.sso;

import io.koubei.dashboard.access.Role;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Groups (or role-claim values) of a directory → one Koubei role: the highest any of them is mapped to. A group no
 * entry names gives nothing; a user with no mapped group gets no role, so no access. Names compare case-insensitively
 * (Active Directory's do). INGEST is a token's role and cannot be given to a person.
 */
public final class RoleMapping {
    private static final List<Role> HIGHEST_FIRST = List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER);

    private final Map<String, Role> byGroup;

    public RoleMapping(Map<String, Role> byGroup) {
        for (Map.Entry<String, Role> e : byGroup.entrySet()) {
            if (e.getValue() == null || e.getValue() == Role.INGEST) {
                throw new IllegalStateException("role mapping of group '" + e.getKey() + "': "
                        + e.getValue() + " is not a role for people (VIEWER, ANALYST or ADMIN)");
            }
        }
        this.byGroup = byGroup.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    public Optional<Role> roleOf(Collection<String> groups) {
        List<Role> mapped = groups.stream().filter(g -> g != null)
                .map(g -> byGroup.get(g.toLowerCase(Locale.ROOT))).filter(r -> r != null).toList();
        return HIGHEST_FIRST.stream().filter(mapped::contains).findFirst();
    }

    public boolean isEmpty() {
        return byGroup.isEmpty();
    }
}
