package io.koubei.dashboard;

import io.koubei.dashboard.platform.KoubeiProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The one Spring Boot application: API, pages, reports, scheduler. Started by {@link KoubeiMain}. */
@SpringBootApplication
@EnableConfigurationProperties(KoubeiProperties.class)
public class KoubeiApplication {
}
