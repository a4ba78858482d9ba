package io.koubei.dashboard.importing;

import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.access.Role;
import io.koubei.ingest.format.MappingException;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.ingest.preset.ImportPreset;
import io.koubei.ingest.preset.ImportPresets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page ({@code /settings/import}): a file — format v1, or a vendor's export read with a preset — uploaded
 * and imported as {@code koubei import [--preset NAME] FILE} would, with its summary, rejections and first warnings
 * shown. Everyone signed in sees the presets; admins import (the {@code /settings/**} rule of the access table).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/settings/import")
public class ImportPageController {
    private static final int SHOWN = 20;

    private final FeedbackImporter importer;
    private final CalendarKeys calendar;
    private final MessageSource messages;

    public ImportPageController(FeedbackImporter importer, CalendarKeys calendar, MessageSource messages) {
        this.importer = importer;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** The result shown after an import: a localised summary line, and the file's own problem lines. */
    public record Outcome(String summary, String error, List<String> rejections, List<String> warnings, long moreRejections,
                          long moreWarnings) {
    }

    @GetMapping
    public String page(Model model, HttpServletRequest request) {
        return show(model, request, null, "");
    }

    @PostMapping
    public String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                         @RequestParam(name = "preset", required = false, defaultValue = "") String preset,
                         @RequestParam(name = "source", required = false, defaultValue = "") String source,
                         @RequestParam(name = "channel", required = false, defaultValue = "") String channel,
                         @RequestParam(name = "zone", required = false, defaultValue = "") String zone,
                         Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, request, failed(text("import.page.noFile", locale)), preset);
        }
        String name = Path.of(file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename()).getFileName().toString();
        Path dir = Files.createTempDirectory("koubei-import");
        Path saved = dir.resolve(name);
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportOptions options = ImportOptions.defaults();
            options = options.withFormatOptions(options.formatOptions().withTeamZone(calendar.zone()));
            if (!zone.isBlank()) {
                try {
                    options = options.withFormatOptions(options.formatOptions().withZone(ZoneId.of(zone.trim())));
                } catch (DateTimeException e) {
                    response.setStatus(422);
                    return show(model, request, failed(text("import.page.badZone", locale, zone)), preset);
                }
            }
            if (!source.isBlank()) {
                options = options.withDefault("source", source.trim());
            }
            if (!channel.isBlank()) {
                options = options.withDefault("channel", channel.trim());
            }
            if (!preset.isBlank()) {
                ImportPreset p = ImportPresets.get(preset);
                p.checkFile(saved);
                options = p.applyTo(options, saved);
            }
            ImportSummary s = importer.importFile(saved, options);
            if (s.abortedReason() != null || s.rejected() > 0) {
                response.setStatus(422);
            }
            return show(model, request, outcome(s, locale), preset);
        } catch (MappingException e) {
            response.setStatus(422); // the file as a whole: not the vendor's export, unknown format, bad header
            return show(model, request, failed(e.getMessage()), preset);
        } finally {
            Files.deleteIfExists(saved);
            Files.deleteIfExists(dir);
        }
    }

    private Outcome outcome(ImportSummary s, Locale locale) {
        String summary = text("import.page.summary", locale, s.source(), String.valueOf(s.read()), String.valueOf(s.accepted()),
                String.valueOf(s.created()), String.valueOf(s.updated()), String.valueOf(s.rejected()), String.valueOf(s.warned()))
                + (s.encoding() == null ? "" : " " + text("import.page.encoding", locale, s.encoding()));
        List<String> rejections = s.rejections().stream().limit(SHOWN).map(Object::toString).toList();
        List<String> warnings = s.warnings().stream().limit(SHOWN).map(Object::toString).toList();
        return new Outcome(summary, s.abortedReason() == null ? null : text("import.page.stopped", locale, s.abortedReason()),
                rejections, warnings, Math.max(0, s.rejected() - rejections.size()), Math.max(0, s.warningCount() - warnings.size()));
    }

    private static Outcome failed(String error) {
        return new Outcome(null, error, List.of(), List.of(), 0, 0);
    }

    private String show(Model model, HttpServletRequest request, Outcome outcome, String preset) {
        model.addAttribute("presets", ImportPresets.all());
        model.addAttribute("chosen", preset);
        model.addAttribute("outcome", outcome);
        model.addAttribute("canImport", request.isUserInRole(Role.ADMIN.name()));
        return "import";
    }

    private String text(String key, Locale locale, String... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
