package io.koubei.dashboard.settings;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.cocoon.CocoonParams;
import io.koubei.analysis.signals.crosscheck.DivergenceParams;
import io.koubei.analysis.signals.segment.CoreComplaintParams;
import io.koubei.analysis.signals.trend.BaselineParams;
import io.koubei.dashboard.alerting.AlertProperties;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Alert rules edited on the settings page ({@code settings/alert-rules.json}): which signals raise alerts, quiet
 * hours, the hourly limit, muted aspects, and the detectors' main thresholds and minimum counts. A null threshold
 * keeps the detector's default (docs/signals.md); once saved, the file replaces {@code koubei.alerts.types},
 * {@code min-severity}, {@code quiet-from/-to} and {@code max-per-hour}.
 */
public record AlertRules(
        Set<SignalType> types,
        Severity minSeverity,
        String quietFrom,
        String quietTo,
        int maxPerHour,
        Set<String> mutedAspects,
        Long spikeMinCount,
        Double spikeMadK,
        Double silenceRatio,
        Integer divergenceMinimumN,
        Integer divergenceMinAspectCount,
        Integer coreMinMentions,
        Integer coreMinAuthors,
        Integer astroturfMinClusterSize,
        Integer astroturfMinAccounts,
        Double cocoonCr10,
        Integer cocoonMinVoices) {

    public AlertRules {
        types = types == null ? EnumSet.allOf(SignalType.class) : Set.copyOf(types);
        minSeverity = minSeverity == null ? Severity.WARNING : minSeverity;
        mutedAspects = mutedAspects == null ? Set.of() : new LinkedHashSet<>(mutedAspects);
    }

    /** The configured rules (koubei.alerts.*) with the detectors' default thresholds. */
    public static AlertRules of(AlertProperties p) {
        return new AlertRules(p.getTypes(), p.getMinSeverity(), p.getQuietFrom(), p.getQuietTo(), p.getMaxPerHour(),
                p.getMutedAspects(), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The detector parameters with these thresholds applied (null: keep {@code base}). */
    public ScanConfig apply(ScanConfig base) {
        BaselineParams b = base.baseline();
        BaselineParams baseline = new BaselineParams(b.window(), b.minHistory(), or(spikeMadK, b.madK()), b.poissonZ(),
                or(spikeMinCount, b.spikeMinCount()), or(silenceRatio, b.silenceRatio()), b.silenceMinBaseline(),
                b.quietPeriods(), b.maxPValue());
        DivergenceParams d = base.divergence();
        DivergenceParams divergence = new DivergenceParams(d.recentWeeks(), d.baselineWeeks(),
                or(divergenceMinimumN, d.minimumN()), d.minSentimentDelta(), or(divergenceMinAspectCount, d.minAspectCount()),
                d.minAspectRatio(), d.maxPValue(), d.sentimentZ());
        CoreComplaintParams c = base.coreComplaint();
        CoreComplaintParams core = new CoreComplaintParams(or(coreMinMentions, c.minMentions()),
                or(coreMinAuthors, c.minAuthors()), c.baseline());
        AstroturfParams a = base.astroturf();
        AstroturfParams astroturf = new AstroturfParams(a.nearDuplicate(), or(astroturfMinClusterSize, a.minClusterSize()),
                or(astroturfMinAccounts, a.minAccounts()), a.burstWindow(), a.newAccountDays(), a.lowFollowers(),
                a.minSuspiciousShare(), a.oneSidedShare(), a.lockstepWindow(), a.lockstepMinTargets(),
                a.lockstepMinAccounts(), a.samples(), a.burstMinPosts(), a.flagBursts());
        CocoonParams k = base.cocoon();
        CocoonParams cocoon = new CocoonParams(k.minItems(), or(cocoonMinVoices, k.minVoices()), or(cocoonCr10, k.cr10Alert()),
                k.maxEffectiveVoices(), k.persistentOverlap(), k.weighting());
        return new ScanConfig(astroturf, base.coreUsers(), core, baseline, divergence, cocoon, base.survey(),
                base.events(), base.roster(), base.dataStart());
    }

    /** The form's fields as text (empty: the detector's default). */
    public Map<String, String> toForm() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("minSeverity", minSeverity.name());
        m.put("quietFrom", quietFrom == null ? "" : quietFrom);
        m.put("quietTo", quietTo == null ? "" : quietTo);
        m.put("maxPerHour", String.valueOf(maxPerHour));
        m.put("mutedAspects", String.join("\n", mutedAspects));
        m.put("spikeMinCount", text(spikeMinCount));
        m.put("spikeMadK", text(spikeMadK));
        m.put("silenceRatio", text(silenceRatio));
        m.put("divergenceMinimumN", text(divergenceMinimumN));
        m.put("divergenceMinAspectCount", text(divergenceMinAspectCount));
        m.put("coreMinMentions", text(coreMinMentions));
        m.put("coreMinAuthors", text(coreMinAuthors));
        m.put("astroturfMinClusterSize", text(astroturfMinClusterSize));
        m.put("astroturfMinAccounts", text(astroturfMinAccounts));
        m.put("cocoonCr10", text(cocoonCr10));
        m.put("cocoonMinVoices", text(cocoonMinVoices));
        return m;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    /** Whether quiet hours are set. */
    public boolean hasQuietHours() {
        return quietFrom != null && !quietFrom.isBlank() && quietTo != null && !quietTo.isBlank();
    }

    /**
     * Validates the form. Numbers: empty keeps the default; otherwise a number in the field's range. Quiet hours:
     * both HH:mm or both empty. Muted aspects must be ids of the current taxonomy.
     */
    public static AlertRules parse(Map<String, String> form, Collection<String> typeNames, Collection<String> knownAspects) {
        List<Problem> problems = new ArrayList<>();
        Set<SignalType> types = EnumSet.noneOf(SignalType.class);
        for (String t : typeNames) {
            try {
                types.add(SignalType.valueOf(t.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("settings.error.signalType", t));
            }
        }
        Severity severity = Severity.WARNING;
        try {
            severity = Severity.valueOf(form.getOrDefault("minSeverity", "WARNING").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("settings.error.severity", form.get("minSeverity")));
        }
        String from = time(form, "quietFrom", problems);
        String to = time(form, "quietTo", problems);
        if ((from == null) != (to == null)) {
            problems.add(Problem.of("settings.error.quietHoursPair"));
        }
        Integer maxPerHour = integer(form, "maxPerHour", 1, 10_000, problems);
        Set<String> muted = new LinkedHashSet<>();
        for (String a : ProductSettings.lines(form.get("mutedAspects"))) {
            if (knownAspects.contains(a)) {
                muted.add(a);
            } else {
                problems.add(Problem.of("settings.error.unknownAspect", a, String.join(", ", knownAspects)));
            }
        }
        Integer spikeMin = integer(form, "spikeMinCount", 1, 1_000_000, problems);
        AlertRules rules = new AlertRules(types, severity, from, to, maxPerHour == null ? 20 : maxPerHour, muted,
                spikeMin == null ? null : spikeMin.longValue(),
                decimal(form, "spikeMadK", 0.5, 20, problems), decimal(form, "silenceRatio", 0.01, 0.99, problems),
                integer(form, "divergenceMinimumN", 1, 1_000_000, problems),
                integer(form, "divergenceMinAspectCount", 1, 1_000_000, problems),
                integer(form, "coreMinMentions", 1, 1_000_000, problems), integer(form, "coreMinAuthors", 1, 1_000_000, problems),
                integer(form, "astroturfMinClusterSize", 2, 1_000_000, problems),
                integer(form, "astroturfMinAccounts", 2, 1_000_000, problems),
                decimal(form, "cocoonCr10", 0.05, 1, problems), integer(form, "cocoonMinVoices", 1, 1_000_000, problems));
        Problem.throwIfAny(problems);
        return rules;
    }

    private static String time(Map<String, String> form, String field, List<Problem> problems) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(v).toString();
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("settings.error.time", field, v));
            return null;
        }
    }

    private static Integer integer(Map<String, String> form, String field, long min, long max, List<Problem> problems) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                problems.add(Problem.of("settings.error.range", field, v, min, max));
                return null;
            }
            return (int) n;
        } catch (NumberFormatException e) {
            problems.add(Problem.of("settings.error.integer", field, v));
            return null;
        }
    }

    private static Double decimal(Map<String, String> form, String field, double min, double max, List<Problem> problems) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                problems.add(Problem.of("settings.error.range", field, v, min, max));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Problem.of("settings.error.number", field, v));
            return null;
        }
    }

    private static <T> T or(T v, T fallback) {
        return v == null ? fallback : v;
    }
}
