package io.koubei.dashboard.web;

import io.koubei.analysis.aspects.AspectTaxonomy;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import io.koubei.dashboard.query.TextCuts;
import io.koubei.dashboard.settings.SettingsService;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Display names for ids shown on pages ({@code ${@labels.aspect(id)}}): aspects by the taxonomy's name (Chinese) or
 * an English message, departments and channels by message, sources by the name set on the channels settings page,
 * products by the name set in the products settings (the demo ships 星河 X1, 极光 R9).
 * Unknown ids are shown as they are.
 */
@Component("labels")
public class Labels {
    private final MessageSource messages;
    private final ReloadableAnalyzer analyzer;
    private final SettingsService settings;

    private final org.springframework.beans.factory.ObjectProvider<io.koubei.dashboard.query.QueryService> queries;

    public Labels(MessageSource messages, ReloadableAnalyzer analyzer, SettingsService settings,
            org.springframework.beans.factory.ObjectProvider<io.koubei.dashboard.query.QueryService> queries) {
        this.queries = queries;
        this.messages = messages;
        this.analyzer = analyzer;
        this.settings = settings;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    public String aspect(String id) {
        return aspect(id, locale());
    }

    /** The taxonomy's (Chinese) name, or the English message; the id when neither knows it. */
    public String aspect(String id, Locale locale) {
        if (id == null) {
            return "";
        }
        if ("en".equals(locale.getLanguage())) {
            return messages.getMessage("aspect." + id, null, id, locale);
        }
        AspectTaxonomy.Aspect a = analyzer.current().resources().taxonomy().aspect(id);
        return a == null ? id : a.name();
    }

    /** "battery:negative" → "续航 · 负面". */
    public String aspectPolarity(String key) {
        if (key == null) {
            return "";
        }
        int colon = key.lastIndexOf(':');
        return colon < 0 ? aspect(key) : aspect(key.substring(0, colon)) + " · " + polarity(key.substring(colon + 1));
    }

    public String polarity(String p) {
        return p == null ? "" : messages.getMessage("polarity." + p, null, p, locale());
    }

    public String channel(String c) {
        return c == null ? "" : messages.getMessage("channel." + c, null, c, locale());
    }

    /** A department by its message; "pr/product" (two departments share a channel) → "公关 / 产品". */
    public String department(String d) {
        if (d == null) {
            return "";
        }
        if (d.contains("/")) {
            return java.util.Arrays.stream(d.split("/")).map(this::department).collect(java.util.stream.Collectors.joining(" / "));
        }
        return messages.getMessage("department." + d, null, d, locale());
    }

    /** The department that watches a channel, as set on the channels settings page. */
    public String departmentOfChannel(String channel) {
        return department(settings.channels().departmentOf(channel));
    }

    public String source(String s) {
        return s == null ? "" : settings.channels().sourceName(s);
    }

    /** A product by its display name: the products settings' name, else a {@code product.<id>} message, else the id. */
    public String product(String p) {
        return product(p, locale());
    }

    /**
     * An account (author id such as wb-1000001) by the name its newest item carries (masked like every shown name,
     * e.g. 星河手机); the id when the store knows no name. Cached with the other reads until the next write.
     */
    public String account(String id) {
        return account(id, locale());
    }

    /** An account's name from the store's items (masked), or the id. */
    private String accountFromItems(String id) {
        io.koubei.dashboard.query.QueryService q = queries.getIfAvailable();
        if (q == null) {
            return id;
        }
        return q.cached(java.util.List.of("account-name", id), () -> q.store().search(new io.koubei.core.store.SearchQuery(
                io.koubei.core.store.FeedbackFilter.builder().authorIds(java.util.Set.of(id)).build(), 0, 1)).items().stream()
                .map(f -> f.item().author() == null ? null : f.item().author().name())
                .filter(n -> n != null && !n.isBlank())
                .map(io.koubei.core.privacy.PiiMasker::mask)
                .findFirst().orElse(id));
    }

    public String segment(String s) {
        return segment(s, locale());
    }

    public String segment(String s, Locale locale) {
        return s == null ? "" : messages.getMessage("segment." + s, null, s, locale);
    }

    /** User text shortened for a list, never inside a character (see {@link TextCuts}). */
    public String cut(String text, int max) {
        return TextCuts.abbreviate(text, max);
    }

    // --- names for alerts and incidents (issue 18): explicit locale, since notifications have no request ---

    public String channel(String c, Locale locale) {
        return c == null ? "" : messages.getMessage("channel." + c, null, c, locale);
    }

    /** A product's display name: the products settings' name, else {@code product.<id>} in the messages, else its id. */
    public String product(String id, Locale locale) {
        if (id == null) {
            return "";
        }
        String named = settings.products().displayName(id);
        return named != null && !named.equals(id) ? named : messages.getMessage("product." + id, null, id, locale);
    }

    /**
     * An account or source: the source's name from the settings, else the name the account's newest item carries
     * (masked), else an {@code account.<id>} message, else the id.
     */
    public String account(String id, Locale locale) {
        if (id == null) {
            return "";
        }
        String source = settings.channels().sourceName(id);
        if (!source.equals(id)) {
            return source;
        }
        String fromItems = accountFromItems(id); // the name the account really carries comes first
        return !fromItems.equals(id) ? fromItems : messages.getMessage("account." + id, null, id, locale);
    }
}
