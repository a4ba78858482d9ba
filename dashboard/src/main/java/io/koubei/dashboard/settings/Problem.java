package io.koubei.dashboard.settings;

import java.util.List;

/** One thing wrong with submitted settings: a message key (messages*.properties, {@code settings.error.*}) and its arguments. */
public record Problem(String key, List<Object> args) {
    public static Problem of(String key, Object... args) {
        return new Problem(key, List.of(args));
    }

    /** Submitted settings that were not saved; the form keeps what was typed. */
    public static final class Rejected extends RuntimeException {
        private final List<Problem> problems;

        public Rejected(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
    }
}
