package io.koubei.dashboard.cli;

import io.koubei.dashboard.privacy.ErasureReport;
import io.koubei.dashboard.privacy.PrivacyService;
import io.koubei.dashboard.privacy.PrivacySubject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code koubei privacy export|erase}: the personal-data rights of the API, for an operator on the data directory. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Personal data: export or erase everything held about an author (or items by id).",
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
public class PrivacyCommand implements Runnable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Who: {@code --author} with {@code --source}, or {@code --id} (repeatable). */
    static class Subject {
        @Option(names = "--author", description = "The author's id on the source.")
        String author;

        @Option(names = "--source", description = "The source the author id belongs to (e.g. weibo); required with --author.")
        String source;

        @Option(names = "--id", description = "An item id (e.g. weibo:4981234567); repeat for more.")
        List<String> ids;

        @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
        Path dataDir;

        PrivacySubject subject() {
            // the audit log names who asked: the operating-system user at the console
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                            "cli:" + System.getProperty("user.name"), null, List.of()));
            return new PrivacySubject(author, source, ids == null ? null : Set.copyOf(ids));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print everything held about the subject as JSON (items unmasked, their analysis, dead letters).")
    public static class Export extends Subject implements Callable<Integer> {
        @Override
        public Integer call() {
            PrivacySubject s = subject();
            try (var ctx = SpringLauncher.start(false, dataDir, Map.of("koubei.report.cron", ""))) {
                PrivacyService privacy = ctx.getBean(PrivacyService.class);
                var items = privacy.items(s);
                Set<String> ids = new java.util.HashSet<>(s.ids());
                items.forEach(f -> ids.add(f.id()));
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                        "subject", s, "items", items.stream().map(f -> f.item()).toList(),
                        "deadLetters", privacy.deadLetters(s, ids), "count", items.size())));
                return 0;
            }
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase the subject's items and what was derived from them; prints what was erased.")
    public static class Erase extends Subject implements Callable<Integer> {
        @Override
        public Integer call() {
            PrivacySubject s = subject();
            try (var ctx = SpringLauncher.start(false, dataDir, Map.of("koubei.report.cron", ""))) {
                ErasureReport r = ctx.getBean(PrivacyService.class).erase(s);
                System.out.printf("erased %d items, %s dead letters, %d lifecycle events; reports rebuilt: %s; removed: %s%n",
                        r.items(), r.deadLetters() < 0 ? "(Kafka: ages out with the topic's retention)" : Long.toString(r.deadLetters()),
                        r.lifecycleEvents(), r.reportsRegenerated().isEmpty() ? "none" : String.join(", ", r.reportsRegenerated()),
                        r.reportsRemoved().isEmpty() ? "none" : String.join(", ", r.reportsRemoved()));
                return 0;
            }
        }
    }
}
