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
 * an English message, departments and channels by message, sources by the name set on the channels settings page.
 * Unknown ids are shown as they are.
 */
@Component("labels")
public class Labels {
    private final MessageSource messages;
    private final ReloadableAnalyzer analyzer;
    private final SettingsService settings;

    public Labels(MessageSource messages, ReloadableAnalyzer analyzer, SettingsService settings) {
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

    public String department(String d) {
        return d == null ? "" : messages.getMessage("department." + d, null, d, locale());
    }

    /** The department that watches a channel, as set on the channels settings page. */
    public String departmentOfChannel(String channel) {
        return department(settings.channels().departmentOf(channel));
    }

    public String source(String s) {
        return s == null ? "" : settings.channels().sourceName(s);
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

    /** A product's display name ({@code product.<id>} in the messages), or its id. */
    public String product(String id, Locale locale) {
        return id == null ? "" : messages.getMessage("product." + id, null, id, locale);
    }

    /** An account or source an alert is about: the source's name from the settings, an account's message, or the id. */
    public String account(String id, Locale locale) {
        if (id == null) {
            return "";
        }
        String source = settings.channels().sourceName(id);
        if (!source.equals(id)) {
            return source;
        }
        return messages.getMessage("account." + id, null, id, locale);
    }
}
