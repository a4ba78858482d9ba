package io.koubei.dashboard.cli;

import io.koubei.ingest.preset.ImportPreset;
import io.koubei.ingest.preset.ImportPresets;
import java.io.PrintStream;

/** {@code koubei import --preset list}: each preset, in English and Chinese, with the columns it reads. */
final class PresetList {

    private PresetList() {
    }

    static void print(PrintStream out) {
        out.println("Presets (koubei import --preset NAME FILE) · 预设（koubei import --preset 名称 文件）:");
        for (ImportPreset p : ImportPresets.all()) {
            out.println();
            out.println(p.name() + " — " + p.title());
            out.println("  " + p.titleZh());
            out.println("  files: " + String.join(", ", p.files().stream().map(f -> "." + f).toList())
                    + (p.teamZone() ? "; local times read in --zone, else " + (p.zoneInHeader() != null
                    ? "the zone the export's header names, else " : "") + "the team's zone (koubei.zone)" : ""));
            p.columnsRead().forEach(c -> out.println("  " + c));
        }
        out.println();
        out.println("Columns written /…/ are found by pattern (regular expression, any case) in the header; see docs/presets.md.");
        out.println("写作 /…/ 的列按表头中的模式（正则表达式，不分大小写）查找；详见 docs/presets.md。");
    }
}
