package io.koubei.ingest.demo;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.TicketInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Support tickets of our phone with their lifecycle (first response in office hours, resolution, status at export
 * time), a category tag, sometimes a CSAT score and sometimes personal data. Carries the ticket side of the launch
 * divergence: heat tickets climb sharply from the launch week on.
 */
final class TicketTraffic {
    private static final double TICKETS_PER_WEEK = 420;
    /** Extra heat tickets by weeks since launch (0 = launch week). */
    private static final double[] EXTRA_HEAT = {90, 130, 170, 110, 70};
    // BATTERY, CHARGING, SCREEN, CAMERA, PERFORMANCE, HEAT, SIGNAL, SYSTEM, DESIGN, PRICE, SERVICE, LOGISTICS,
    // AFTER_SALES, QUALITY
    private static final double[] MIX = {8, 8, 6, 4, 5, 6, 8, 10, 1, 2, 5, 12, 18, 10};

    private final DemoWorld world;
    private final DemoPlan plan;
    private final Random r;
    /** Weekly volumes draw from their own stream, so calm and scenario runs share the background volumes. */
    private final Random volumes;
    private final DemoSampler pick;

    TicketTraffic(DemoWorld world) {
        this.world = world;
        this.plan = world.plan;
        this.r = world.random("ticket");
        this.volumes = world.random("ticket-volume");
        this.pick = new DemoSampler(r);
    }

    void generate() {
        for (int week = 1; week <= plan.weeks(); week++) {
            int n = plan.weeklyVolume(TICKETS_PER_WEEK, volumes);
            for (int i = 0; i < n; i++) {
                Instant at = plan.calendar.randomTimeIn(week, r);
                Polarity p = pick.polarity(3, 12, 85);
                ticket(at, pick.aspect(MIX, p), p, null);
            }
            int k = plan.weeksSinceLaunch(week);
            if (k >= 0 && k < EXTRA_HEAT.length) {
                Instant launch = plan.launchTime();
                int extra = plan.weeklyVolume(EXTRA_HEAT[k], r);
                for (int i = 0; i < extra; i++) {
                    Instant at = plan.calendar.randomTimeIn(week, r);
                    if (at.isBefore(launch)) {
                        at = launch.plusSeconds(3600 + r.nextInt(5 * 86400));
                    }
                    ticket(at, DemoPlan.DIVERGENCE_ASPECT, Polarity.NEGATIVE,
                            k < DemoPlan.DIVERGENCE_WEEKS ? ScenarioType.LAUNCH_DIVERGENCE : null);
                }
            }
        }
    }

    private void ticket(Instant at, DemoAspect aspect, Polarity p, ScenarioType scenario) {
        String version = scenario != null ? CommunityTraffic.laterOf(plan.versionAt(at, r), DemoPlan.LAUNCH_VERSION)
                : plan.versionAt(at, r);
        String text = world.ours.ticket(aspect, p, version, r);
        if (r.nextInt(30) == 0) {
            text = text + DemoPersonalData.ticketContact(r);
        }
        Instant first = DemoCalendar.officeTimeAfter(at, DemoWorld.logNormalMinutes(45, 1.1, r), r);
        Instant resolved = first.plus(Duration.ofSeconds((long) (DemoWorld.logNormalMinutes(600, 1.3, r) * 60)));
        Instant end = world.end();
        String status;
        if (!first.isBefore(end)) {
            status = "new";
            first = null;
            resolved = null;
        } else if (!resolved.isBefore(end)) {
            status = r.nextBoolean() ? "open" : "pending";
            resolved = null;
        } else {
            status = resolved.isAfter(end.minus(Duration.ofDays(4))) ? "solved" : "closed";
        }
        Rating csat = null;
        if (resolved != null && r.nextInt(100) < 35) {
            long hours = Duration.between(at, resolved).toHours();
            int score = hours > 48 ? 1 + r.nextInt(3) : hours > 12 ? 3 + r.nextInt(2) : 4 + r.nextInt(2);
            csat = new Rating(RatingScale.CSAT, score);
        }
        List<String> tags = new ArrayList<>(List.of(aspect.label()));
        if (r.nextInt(12) == 0) {
            tags.add("vip");
        }
        String ext = world.nextExternalId(DemoPlan.SRC_TICKETS, 1_200_000L);
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_TICKETS, Channel.TICKET, ext, at, text, DemoPlan.PRODUCT,
                        world.authors.ticketCustomer(r))
                .title(aspect.label() + (p == Polarity.NEUTRAL ? "咨询" : "问题"))
                .productVersion(version)
                .ticket(new TicketInfo(status, first, resolved))
                .rating(csat)
                .tags(tags)
                .build();
        world.add(item, aspect, p, AuthorGroup.MASS, scenario);
    }
}
