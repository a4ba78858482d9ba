package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning weeks one after another writes each week's core/mass segment back to the store, judged on the data
 * up to that week. While the data is younger than the activity window the early weeks had few core users, and
 * a later scan must not read that warm-up as core users suddenly complaining (the replayed calm world did).
 */
class CoreSegmentWarmUpTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    @TempDir
    Path dir;
    private LuceneFeedbackStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static final List<String> OPENINGS = List.of("上周在官方商城下单", "给家里人买的备用机", "第二次在这里买了",
            "换新活动那天抢的", "618 预约的那台", "公司统一采购的", "双十一前订的", "朋友推荐我下的单");
    private static final List<String> WAITS = List.of("等了%d天才发货", "%d天了还在路上", "拖了%d天才到", "第%d天才显示揽收");
    private static final List<String> DETAILS = List.of("后台订单状态一直不更新", "客服只会说在加急", "中转站卡了好几天",
            "快递员电话打不通", "包装还压坏了一角", "查物流永远是同一条", "退了运费券也不管用", "隔壁同款早就到了");

    /** A logistics complaint with a technical word (后台, 日志…) in a different wording each time. */
    private static String note(Random r) {
        return OPENINGS.get(r.nextInt(OPENINGS.size())) + "，物流太慢了，" + String.format(WAITS.get(r.nextInt(WAITS.size())),
                3 + r.nextInt(9)) + "，" + DETAILS.get(r.nextInt(DETAILS.size())) + "，后台截图和日志都留着"
                + (r.nextInt(1000)) + "。";
    }

    @Test
    void steadyComplaintsFromUsersWhoBecomeCoreByActivityRaiseNoCoreComplaint() {
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        store = new LuceneFeedbackStore(dir.resolve("index"));
        Random r = new Random(11);
        // 300 newish forum members (level 1, registered this year): core only by posting ≥ 8 technical notes
        // in the window. Each posts one note a week with probability 0.6, every week the same.
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (String week : Weeks.range("2026-W36", "2026-W47")) {
            for (int a = 0; a < 300; a++) {
                if (r.nextDouble() < 0.6) {
                    Author author = new Author("u" + a, "用户" + a, 20, Instant.parse("2026-05-01T00:00:00Z"), 1,
                            false, false);
                    items.add(pipeline.process(FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY)
                            .product("X1").externalId(week + "-" + a).author(author)
                            .createdAt(CAL.weekStart(week).plus(Duration.ofMinutes(r.nextInt(9000))))
                            .text(note(r)).build()));
                }
            }
        }
        store.upsert(items);
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                Clock.systemUTC(), CAL.zone());
        SignalsService signals = new SignalsService(store, CAL, ScanConfig.defaults(), new EventRegistry(dir), alerts);

        List<Signal> raised = new ArrayList<>();
        signals.scanAllWeeks().forEach(s -> raised.addAll(s.signals()));

        assertThat(raised).filteredOn(s -> s.type() == SignalType.CORE_COMPLAINT).isEmpty();
        // Not vacuous: the notes are logistics complaints, and by the last week many of their authors are core.
        long coreLastWeek = store.count(FeedbackFilter.builder().weeks(Set.of("2026-W47"))
                .segments(Set.of(Segment.CORE)).aspectPolarities(Set.of("logistics:negative")).build());
        assertThat(coreLastWeek).isGreaterThan(20);
    }
}
