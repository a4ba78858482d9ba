package io.koubei.dashboard.web;

import io.koubei.dashboard.settings.ChannelSettings;
import io.koubei.dashboard.settings.ProductSettings;
import io.koubei.dashboard.settings.SettingsService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The display names the demo ships (products and sources, docs/demo-data.md), set once when the demo loads and only
 * where nobody has named them on the settings pages yet.
 */
final class DemoNames {
    static final Map<String, String> PRODUCTS = Map.of("nova-x1", "星河 X1", "rival-r9", "极光 R9");
    static final List<ChannelSettings.Source> SOURCES = List.of(
            new ChannelSettings.Source("xinghe-community", "星河社区", "community"),
            new ChannelSettings.Source("weibo", "微博", "social"),
            new ChannelSettings.Source("jd", "京东", "review"),
            new ChannelSettings.Source("tmall", "天猫", "review"),
            new ChannelSettings.Source("nps-2026q4", "NPS 问卷 2026Q4", "survey"),
            new ChannelSettings.Source("zendesk", "客服工单（Zendesk）", "ticket"));

    private DemoNames() {
    }

    static void apply(SettingsService settings) {
        ProductSettings p = settings.products();
        if (p.names().isEmpty()) {
            Map<String, String> names = new LinkedHashMap<>(PRODUCTS);
            settings.saveProducts(p.withNames(names));
        }
        ChannelSettings c = settings.channels();
        if (c.sources().isEmpty()) {
            settings.saveChannels(new ChannelSettings(c.departments(), SOURCES));
        }
    }
}
