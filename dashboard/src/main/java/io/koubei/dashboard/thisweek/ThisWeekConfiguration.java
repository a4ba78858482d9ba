package io.koubei.dashboard.thisweek;

import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.web.Labels;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The overview's "this week" service, reading alerts through its one adapter. */
@Configuration(proxyBeanMethods = false)
public class ThisWeekConfiguration {

    @Bean
    IssueFeed issueFeed(AlertService alerts) {
        return new AlertServiceIssues(alerts);
    }

    @Bean
    ChartEvents chartEvents(io.koubei.dashboard.signals.EventRegistry events, CalendarKeys calendar) {
        return new ChartEvents(events, calendar);
    }

    @Bean
    ThisWeekService thisWeekService(QueryService queries, CalendarKeys calendar, Clock clock, IssueFeed issues,
            MessageSource messages, Labels labels) {
        return new ThisWeekService(queries, calendar, clock, issues, new FindingText(messages, labels));
    }
}
