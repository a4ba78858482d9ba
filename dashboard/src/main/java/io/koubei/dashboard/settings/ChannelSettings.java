package io.koubei.dashboard.settings;

import io.koubei.core.feedback.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which department watches each channel (the cross-check page's department view), and the known sources with a
 * display name and the channel they feed ({@code settings/channels.json}). Unset channels keep their usual
 * department (community, reviews and surveys: product; social: pr; tickets: service; sales; qc: quality).
 */
public record ChannelSettings(Map<String, String> departments, List<Source> sources) {
    static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public record Source(String id, String name, String channel) {
    }

    public ChannelSettings {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static ChannelSettings defaults() {
        return new ChannelSettings(Map.of(), List.of());
    }

    public String departmentOf(String channel) {
        String d = departments.get(channel);
        return d != null ? d : Channel.fromWire(channel).map(Channel::department).orElse(channel);
    }

    public Map<String, String> effectiveDepartments() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            m.put(c.wireName(), departmentOf(c.wireName()));
        }
        return m;
    }

    public String sourceName(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).map(Source::name).findFirst().orElse(id);
    }

    /** Validates the form: departments per channel (lower-case ids), and source rows (blank rows ignored). */
    public static ChannelSettings parse(Map<String, String> departmentByChannel, List<String> ids, List<String> names,
            List<String> channels) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> deps = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            String d = departmentByChannel.getOrDefault(c.wireName(), "").strip().toLowerCase(java.util.Locale.ROOT);
            if (d.isEmpty() || d.equals(c.department())) {
                continue;
            }
            if (!DEPARTMENT.matcher(d).matches()) {
                problems.add(Problem.of("settings.error.department", c.wireName(), d));
            } else {
                deps.put(c.wireName(), d);
            }
        }
        List<Source> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rows = Math.max(ids.size(), Math.max(names.size(), channels.size()));
        for (int i = 0; i < rows; i++) {
            String id = at(ids, i);
            String name = at(names, i);
            String channel = at(channels, i);
            if (id.isEmpty() && name.isEmpty()) {
                continue;
            }
            int row = i + 1;
            if (!SOURCE_ID.matcher(id).matches()) {
                problems.add(Problem.of("settings.error.sourceId", row, id));
            } else if (!seen.add(id)) {
                problems.add(Problem.of("settings.error.sourceDuplicate", row, id));
            }
            if (name.length() > 40 || AnalysisSettings.hasControl(name)) {
                problems.add(Problem.of("settings.error.sourceName", row, id));
            }
            if (Channel.fromWire(channel).isEmpty()) {
                problems.add(Problem.of("settings.error.sourceChannel", row, channel));
            }
            sources.add(new Source(id, name.isEmpty() ? id : name, channel.toLowerCase(java.util.Locale.ROOT)));
        }
        Problem.throwIfAny(problems);
        return new ChannelSettings(deps, sources);
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).strip();
    }
}
