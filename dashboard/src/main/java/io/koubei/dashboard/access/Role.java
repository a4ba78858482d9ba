package io.koubei.dashboard.access;

/**
 * Viewers read; analysts also import and acknowledge alerts; admins also change settings and users.
 * INGEST is what an API token carries: write feedback, read results.
 */
public enum Role {
    VIEWER,
    ANALYST,
    ADMIN,
    INGEST;

    public String authority() {
        return "ROLE_" + name();
    }

    static final String HIERARCHY = """
            ROLE_ADMIN > ROLE_ANALYST
            ROLE_ANALYST > ROLE_VIEWER
            ROLE_INGEST > ROLE_VIEWER
            """;
}
