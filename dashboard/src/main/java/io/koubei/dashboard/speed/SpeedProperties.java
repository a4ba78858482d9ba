package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.BusinessHours;
import io.koubei.analysis.speed.RoutingRule;
import io.koubei.analysis.speed.SlaPolicy;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code koubei.speed.*}: SLAs, business hours, routing rules and issue trackers (docs/speed.md). */
@ConfigurationProperties(prefix = "koubei.speed")
public class SpeedProperties {
    /** Channels whose user items expect an answer. */
    private Set<Channel> channels = Set.of(Channel.SOCIAL, Channel.COMMUNITY, Channel.TICKET);
    /** First-response SLA for every channel without its own entry in {@link #channelSla}. */
    private Duration sla = Duration.ofMinutes(100);
    /** Per channel (wire name → duration), e.g. {@code koubei.speed.channel-sla.ticket=PT4H}. */
    private Map<String, Duration> channelSla = new LinkedHashMap<>();
    private double riskFraction = 0.8;
    private Duration anomalyClock = Duration.ofHours(1);
    private Duration closeWindow = Duration.ofHours(24);
    /** How far back the live queue looks for unanswered items. */
    private Duration queueLookback = Duration.ofDays(7);
    private final Hours businessHours = new Hours();
    private List<Rule> routing = new ArrayList<>();
    private List<Tracker> trackers = new ArrayList<>();

    public static class Hours {
        private boolean alwaysOn = true;
        private LocalTime open = LocalTime.of(9, 0);
        private LocalTime close = LocalTime.of(18, 0);
        private Set<DayOfWeek> workDays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        private List<LocalDate> holidays = new ArrayList<>();

        public boolean isAlwaysOn() { return alwaysOn; }
        public void setAlwaysOn(boolean v) { alwaysOn = v; }
        public LocalTime getOpen() { return open; }
        public void setOpen(LocalTime v) { open = v; }
        public LocalTime getClose() { return close; }
        public void setClose(LocalTime v) { close = v; }
        public Set<DayOfWeek> getWorkDays() { return workDays; }
        public void setWorkDays(Set<DayOfWeek> v) { workDays = v; }
        public List<LocalDate> getHolidays() { return holidays; }
        public void setHolidays(List<LocalDate> v) { holidays = v; }
    }

    /** One routing rule; see {@link RoutingRule}. */
    public static class Rule {
        private String department;
        private Set<Channel> channels = Set.of();
        private Set<String> aspects = Set.of();
        private Set<Polarity> polarities = Set.of();
        private long minReach;
        private List<String> keywords = List.of();

        public String getDepartment() { return department; }
        public void setDepartment(String v) { department = v; }
        public Set<Channel> getChannels() { return channels; }
        public void setChannels(Set<Channel> v) { channels = v; }
        public Set<String> getAspects() { return aspects; }
        public void setAspects(Set<String> v) { aspects = v; }
        public Set<Polarity> getPolarities() { return polarities; }
        public void setPolarities(Set<Polarity> v) { polarities = v; }
        public long getMinReach() { return minReach; }
        public void setMinReach(long v) { minReach = v; }
        public List<String> getKeywords() { return keywords; }
        public void setKeywords(List<String> v) { keywords = v; }

        RoutingRule toRule() {
            return new RoutingRule(department, channels, aspects, polarities, minReach, keywords, false);
        }
    }

    /** An issue tracker: {@code type} webhook | jira | github. */
    public static class Tracker {
        private String name;
        private String type = "webhook";
        private String url;
        /** Jira project key, or GitHub {@code owner/repo}. */
        private String project;
        /** Sent as {@code Authorization: Bearer <token>} when set. */
        private String token;
        private String issueType = "Bug";

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = v; }
        public String getProject() { return project; }
        public void setProject(String v) { project = v; }
        public String getToken() { return token; }
        public void setToken(String v) { token = v; }
        public String getIssueType() { return issueType; }
        public void setIssueType(String v) { issueType = v; }
    }

    public SlaPolicy slaPolicy() {
        Map<Channel, Duration> per = new EnumMap<>(Channel.class);
        channelSla.forEach((k, v) -> per.put(Channel.fromWire(k).orElseThrow(() -> new IllegalArgumentException(
                "koubei.speed.channel-sla: unknown channel '" + k + "'")), v));
        return new SlaPolicy(sla, per, riskFraction, anomalyClock, closeWindow);
    }

    public BusinessHours hours(ZoneId zone) {
        return businessHours.alwaysOn ? BusinessHours.always(zone)
                : new BusinessHours(zone, false, businessHours.open, businessHours.close, businessHours.workDays,
                        Set.copyOf(businessHours.holidays));
    }

    public List<RoutingRule> routingRules() {
        return routing.stream().map(Rule::toRule).toList();
    }

    public Set<Channel> getChannels() { return channels; }
    public void setChannels(Set<Channel> v) { channels = v; }
    public Duration getSla() { return sla; }
    public void setSla(Duration v) { sla = v; }
    public Map<String, Duration> getChannelSla() { return channelSla; }
    public void setChannelSla(Map<String, Duration> v) { channelSla = v; }
    public double getRiskFraction() { return riskFraction; }
    public void setRiskFraction(double v) { riskFraction = v; }
    public Duration getAnomalyClock() { return anomalyClock; }
    public void setAnomalyClock(Duration v) { anomalyClock = v; }
    public Duration getCloseWindow() { return closeWindow; }
    public void setCloseWindow(Duration v) { closeWindow = v; }
    public Duration getQueueLookback() { return queueLookback; }
    public void setQueueLookback(Duration v) { queueLookback = v; }
    public Hours getBusinessHours() { return businessHours; }
    public List<Rule> getRouting() { return routing; }
    public void setRouting(List<Rule> v) { routing = v; }
    public List<Tracker> getTrackers() { return trackers; }
    public void setTrackers(List<Tracker> v) { trackers = v; }
}
