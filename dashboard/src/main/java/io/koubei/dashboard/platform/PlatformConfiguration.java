package io.koubei.dashboard.platform;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.query.QueryService;
import io.koubei.ingest.bus.InProcessBus;

import io.koubei.store.embedded.LuceneFeedbackStore;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the platform from configuration alone: {@code koubei.store=embedded|elasticsearch},
 * {@code koubei.bus=inprocess|kafka}. The embedded choices are the defaults and need no server.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    CalendarKeys calendarKeys(KoubeiProperties props) {
        return new CalendarKeys(ZoneId.of(props.getZone()));
    }

    @Bean
    FeedbackAnalyzer feedbackAnalyzer() {
        return new BuiltInAnalyzer();
    }

    @Bean
    AnalysisPipeline analysisPipeline(FeedbackAnalyzer analyzer, CalendarKeys calendar) {
        return new AnalysisPipeline(analyzer, calendar);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.store", havingValue = "embedded", matchIfMissing = true)
    FeedbackStore embeddedStore(KoubeiProperties props) {
        return new LuceneFeedbackStore(props.getDataDir().resolve("index"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.bus", havingValue = "inprocess", matchIfMissing = true)
    FeedbackBus inProcessBus(KoubeiProperties props, AnalysisPipeline pipeline, FeedbackStore store) {
        InProcessBus bus = new InProcessBus(props.getDataDir().resolve("dead-letters"));
        bus.start(new AnalyzeAndStoreHandler(pipeline, store));
        return bus;
    }

    @Bean
    QueryService queryService(FeedbackStore store, FeedbackAnalyzer analyzer, CalendarKeys calendar,
            KoubeiProperties props) {
        return new QueryService(store, analyzer, calendar, props.getMinimumN());
    }
}
