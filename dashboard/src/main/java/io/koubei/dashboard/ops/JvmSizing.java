package io.koubei.dashboard.ops;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start how much heap the JVM may take and whether anyone chose it: a bare {@code java -jar} takes the JVM's
 * default, a quarter of the machine's memory, which on a laptop is rarely what was meant. The image and
 * {@code deploy/koubei.sh} set {@code -XX:MaxRAMPercentage}; docs/deploy.md "JVM memory".
 */
@Component
@ConditionalOnWebApplication // serve only: the short CLI commands need no such line
public class JvmSizing {
    private static final Logger log = LoggerFactory.getLogger(JvmSizing.class);

    /** Whether the heap size was given, on the command line or in JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS. */
    static boolean chosen(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAMPercentage")
                || a.startsWith("-XX:MaxRAM=") || a.startsWith("-XX:MaxHeapSize"));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        List<String> args = new java.util.ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (String env : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null) {
                args.addAll(List.of(v.trim().split("\\s+")));
            }
        }
        if (chosen(args)) {
            log.info("JVM heap: at most {} MB", maxMb);
        } else {
            log.info(String.format(Locale.ROOT, "JVM heap: at most %d MB, the JVM's default (a quarter of this machine's "
                    + "memory); choose with -XX:MaxRAMPercentage=… or -Xmx… (deploy/koubei.sh does, docs/deploy.md)", maxMb));
        }
    }
}
