package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.platform.KoubeiProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 21, finding 9: {@code serve --demo} enabled demo/demo without a word. */
@ExtendWith(OutputCaptureExtension.class)
class DemoUserWarningTest {
    @TempDir
    Path dir;

    @Test
    void theDemoSignInIsAnnouncedAsAWarning(CapturedOutput output) {
        AccessProperties access = new AccessProperties();
        KoubeiProperties koubei = new KoubeiProperties();
        koubei.setDataDir(dir);
        UserAccounts.from(access, koubei, UserAccounts.encoder());
        assertThat(output.getAll()).doesNotContain("demo / demo");
        access.setDemoUser(true);
        UserAccounts.from(access, koubei, UserAccounts.encoder());
        assertThat(output.getAll()).contains("WARN").contains("demo / demo").contains("never on a shared server");
    }
}
