package io.koubei.dashboard.alerting;

import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Incidents in the state store's {@code incidents} collection (files for one process, Elasticsearch shared by every
 * node), keyed by {@link Incident#idOf the id derived from their subject}.
 */
public class IncidentRepository {
    private final TypedCollection<Incident> incidents;

    public IncidentRepository(StateStore state) {
        this.incidents = new TypedCollection<>(state.collection("incidents"), Incident.class);
    }

    public Optional<Incident> get(String id) {
        return incidents.get(id);
    }

    public List<Incident> all() {
        return incidents.all();
    }

    /** Read-modify-write: {@code change} gets the stored incident or null, and returns the one to store. */
    public Optional<Incident> update(String id, UnaryOperator<Incident> change) {
        return incidents.update(id, change);
    }

    /** See {@link TypedCollection#claim}: true for exactly one caller across nodes. */
    public boolean claim(String id, Predicate<Incident> due, UnaryOperator<Incident> change) {
        return incidents.claim(id, due, change);
    }
}
