package io.koubei.dashboard.thisweek;

import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.signals.EventRegistry;
import java.util.List;

/**
 * Release, OTA and other product events as markers for the time charts: the week they fall in and their title,
 * narrowed to the products the page's filters name (events about all products always show).
 */
public class ChartEvents {
    /** One marker: the ISO week, the event's kind (launch, ota, price_change, other), its title and version. */
    public record Marker(String week, String day, String kind, String title, String product, String version) {
    }

    private final EventRegistry events;
    private final CalendarKeys calendar;

    public ChartEvents(EventRegistry events, CalendarKeys calendar) {
        this.events = events;
        this.calendar = calendar;
    }

    public List<Marker> markers(FilterParams params) {
        List<String> products = params.values().getOrDefault("product", List.of());
        return events.list().stream()
                .filter(e -> products.isEmpty() || e.product() == null || products.contains(e.product()))
                .map(e -> new Marker(calendar.week(e.at()), calendar.day(e.at()), e.kind().wireName(), e.title(),
                        e.product(), e.version()))
                .toList();
    }
}
