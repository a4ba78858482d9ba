package io.koubei.analysis.speed;

import io.koubei.core.feedback.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The first-response target per channel (default 100 minutes: "100分钟必有回应"), the share of it at which a
 * breach-risk alert fires (default 0.8), and the anomaly clock (default one hour for reply and resolution).
 */
public record SlaPolicy(Duration defaultSla, Map<Channel, Duration> perChannel, double riskFraction,
        Duration anomalyClock, Duration closeWindow) {

    public static final SlaPolicy DEFAULT = new SlaPolicy(Duration.ofMinutes(100), Map.of(), 0.8, Duration.ofHours(1),
            Duration.ofHours(24));

    public SlaPolicy {
        perChannel = perChannel == null || perChannel.isEmpty() ? Map.of() : new EnumMap<>(perChannel);
        if (riskFraction <= 0 || riskFraction > 1) {
            throw new IllegalArgumentException("risk fraction must be in (0, 1]: " + riskFraction);
        }
    }

    public Duration sla(Channel channel) {
        return perChannel.getOrDefault(channel, defaultSla);
    }
}
