package io.koubei.ingest.demo;

import io.koubei.core.feedback.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios embedded in a dataset, in the form detectors and tests rely on. Empty in calm-control mode (and when
 * the window is shorter than {@link DemoOptions#MIN_WEEKS_FOR_SCENARIOS} weeks). Kept in step with docs/demo-data.md.
 */
public final class DemoScenarios {
    private DemoScenarios() {
    }

    public static List<DemoScenario> of(DemoOptions options) {
        DemoPlan plan = new DemoPlan(options);
        if (!plan.scenarios) {
            return List.of();
        }
        List<DemoScenario> list = new ArrayList<>();
        int launch = DemoPlan.LAUNCH_WEEK;
        int launchEnd = launch + DemoPlan.DIVERGENCE_WEEKS - 1;
        list.add(scenario(plan, ScenarioType.LAUNCH_DIVERGENCE, launch, launchEnd, Channel.TICKET, DemoPlan.SRC_TICKETS,
                DemoPlan.DIVERGENCE_ASPECT.key(),
                "Launch of " + DemoPlan.PRODUCT_NAME + " 焕新版 / OS " + DemoPlan.LAUNCH_VERSION + " (event 'launch'):"
                        + " weibo posts about the product reach 2.4x, 1.7x, 1.35x baseline volume with positive share"
                        + " ~82%, ~75%, ~68% (baseline ~48%) in weeks " + launch + "-" + launchEnd + ", while zendesk"
                        + " tickets tagged 发热 (heat) climb from ~25/week to ~115, ~155, ~195. Afterwards (weeks "
                        + (launchEnd + 1) + "+) social turns negative on heat, 1-2 star reviews and NPS detractors"
                        + " citing heat grow (NPS ~+17 -> ~-3)."));
        list.add(scenario(plan, ScenarioType.ASTROTURF_BURST, DemoPlan.ASTROTURF_WEEK, DemoPlan.ASTROTURF_WEEK,
                Channel.SOCIAL, DemoPlan.SRC_WEIBO, null,
                DemoPlan.ASTROTURF_POSTS + " near-duplicate praise posts (small edits of 4 templates) about "
                        + DemoPlan.PRODUCT_NAME + " within " + DemoPlan.ASTROTURF_MINUTES + " minutes from "
                        + plan.astroturfStart() + ", each from a different account registered 1-21 days earlier"
                        + " with fewer than 25 followers."));
        list.add(scenario(plan, ScenarioType.CORE_COMPLAINT_AFTER_UPDATE, DemoPlan.OTA_WEEK, plan.weeks(),
                Channel.COMMUNITY, DemoPlan.SRC_COMMUNITY, DemoAspect.BATTERY.key(),
                "After OTA " + DemoPlan.OTA_VERSION + " a fixed group of ~60 enthusiasts (forum level 7-10) repeatedly"
                        + " reports standby drain with " + DemoPlan.CORE_DETAIL + " (always-on display): ~30-55"
                        + " threads/week plus replies, productVersion >= " + DemoPlan.OTA_VERSION + "."));
        int quietFrom = plan.weeks() - DemoPlan.QUIET_WEEKS + 1;
        list.add(scenario(plan, ScenarioType.CHANNEL_QUIET, quietFrom, plan.weeks(), Channel.REVIEW,
                DemoPlan.QUIET_SOURCE, null,
                "Reviews on source '" + DemoPlan.QUIET_SOURCE + "' drop to ~" + Math.round(DemoPlan.QUIET_SHARE * 100)
                        + "% of their ~230/week baseline in the last " + DemoPlan.QUIET_WEEKS + " weeks."));
        list.add(scenario(plan, ScenarioType.INFORMATION_COCOON, 1, plan.weeks(), Channel.SOCIAL, DemoPlan.SRC_WEIBO,
                null,
                "Every week ~" + Math.round(DemoPlan.COCOON_SHARE * 100) + "% of the replies under the official account "
                        + DemoAuthors.WEIBO_OFFICIAL.id() + " (" + DemoAuthors.WEIBO_OFFICIAL.name() + ") come from the"
                        + " same " + DemoPlan.COCOON_ACCOUNTS + " fan accounts."));
        return List.copyOf(list);
    }

    private static DemoScenario scenario(DemoPlan plan, ScenarioType type, int from, int to, Channel channel,
                                         String source, String aspect, String description) {
        return new DemoScenario(type, from, to, plan.calendar.weekKey(from), plan.calendar.weekKey(to), channel, source,
                aspect, DemoPlan.PRODUCT, description);
    }

    /** Releases and market events of the window (present in calm mode too). */
    public static List<DemoEvent> events(DemoOptions options) {
        return new DemoPlan(options).events();
    }
}
