package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.RatingScale;
import io.koubei.core.text.TextEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The readers of values as exports display them, one by one, including what they must not guess. */
class ExportValueTextTest {

    @Test
    void counts() {
        assertThat(CountText.read("1.2万")).isEqualTo(new CountText.Reading(12_000, false));
        assertThat(CountText.read("3,456")).isEqualTo(new CountText.Reading(3_456, false));
        assertThat(CountText.read("3，456")).isEqualTo(new CountText.Reading(3_456, false));
        assertThat(CountText.read("1.5K")).isEqualTo(new CountText.Reading(1_500, false));
        assertThat(CountText.read("2.3W")).isEqualTo(new CountText.Reading(23_000, false));
        assertThat(CountText.read("1亿")).isEqualTo(new CountText.Reading(100_000_000, false));
        assertThat(CountText.read("10万+")).isEqualTo(new CountText.Reading(100_000, true));
        assertThat(CountText.read("1.23456万")).isEqualTo(new CountText.Reading(12_346, false)); // a rounded figure anyway
        assertThat(CountText.read("3,45")).isNull(); // not a thousands separator: unclear
        assertThat(CountText.read("1.5")).isNull();
        assertThat(CountText.read("-3")).isNull();
        assertThat(CountText.read("很多")).isNull();
    }

    @Test
    void levels() {
        assertThat(LevelText.read("Lv7")).isEqualTo(7);
        assertThat(LevelText.read("LV.7")).isEqualTo(7);
        assertThat(LevelText.read("Level 12")).isEqualTo(12);
        assertThat(LevelText.read("7级")).isEqualTo(7);
        assertThat(LevelText.read("等级：3")).isEqualTo(3);
        assertThat(LevelText.read("十二级")).isEqualTo(12);
        assertThat(LevelText.read("Lv7 (2024)")).isNull(); // two numbers
        assertThat(LevelText.read("3.5")).isNull();
        assertThat(LevelText.read("黄金会员")).isNull();
    }

    @Test
    void chineseNumerals() {
        assertThat(ChineseNumerals.parse("七")).isEqualTo(7);
        assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
        assertThat(ChineseNumerals.parse("十二")).isEqualTo(12);
        assertThat(ChineseNumerals.parse("二十三")).isEqualTo(23);
        assertThat(ChineseNumerals.parse("两")).isEqualTo(2);
        assertThat(ChineseNumerals.parse("一二")).isNull();
        assertThat(ChineseNumerals.parse("十十")).isNull();
    }

    @Test
    void ratings() {
        assertThat(RatingText.read("4星")).isEqualTo(new RatingText.Reading(4, RatingScale.STARS));
        assertThat(RatingText.read("五星")).isEqualTo(new RatingText.Reading(5, RatingScale.STARS));
        assertThat(RatingText.read("★★★☆☆")).isEqualTo(new RatingText.Reading(3, RatingScale.STARS));
        assertThat(RatingText.read("⭐⭐⭐⭐")).isEqualTo(new RatingText.Reading(4, RatingScale.STARS));
        assertThat(RatingText.read("4/5")).isEqualTo(new RatingText.Reading(4, RatingScale.STARS));
        assertThat(RatingText.read("4.5 stars")).isEqualTo(new RatingText.Reading(4.5, RatingScale.STARS));
        assertThat(RatingText.read("9分")).isEqualTo(new RatingText.Reading(9, null));
        assertThat(RatingText.read("8/10")).isEqualTo(new RatingText.Reading(8, null));
        assertThat(RatingText.read("很好")).isNull();
    }

    @Test
    void looseDates() {
        assertThat(LooseDateText.read("2024-02-01")).isEqualTo(new LooseDateText.Reading(null, LocalDateTime.of(2024, 2, 1, 0, 0), true));
        assertThat(LooseDateText.read("2024/2/1 9:30").local()).isEqualTo(LocalDateTime.of(2024, 2, 1, 9, 30));
        assertThat(LooseDateText.read("2024.02.01").local()).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
        assertThat(LooseDateText.read("2024年2月1日 10:15:30").local()).isEqualTo(LocalDateTime.of(2024, 2, 1, 10, 15, 30));
        assertThat(LooseDateText.read("2024-02-01T10:15:30.5").local()).isEqualTo(LocalDateTime.of(2024, 2, 1, 10, 15, 30, 500_000_000));
        assertThat(LooseDateText.read("1706745600").instant()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(LooseDateText.read("2024-02-30")).isNull();
        assertThat(LooseDateText.read("last year")).isNull();
    }

    @Test
    void encodings() {
        byte[] gbk = "评论,标签\n屏幕很清晰,正面\n".getBytes(Charset.forName("GBK"));
        assertThat(TextEncoding.detect(gbk, gbk.length, true).charset()).isEqualTo(TextEncoding.GB18030);
        byte[] utf8 = "评论,标签\n屏幕很清晰,正面\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(utf8, utf8.length, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        // a sample cut inside a character is still UTF-8
        assertThat(TextEncoding.detect(utf8, 4, false).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] ascii = "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(TextEncoding.detect(ascii, ascii.length, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] le = "source,channel,externalId\n评论,1\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextEncoding.detect(le, le.length, true).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        byte[] be = "source,channel,externalId\n评论,1\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextEncoding.detect(be, be.length, true).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        byte[] chineseOnly = "评论标签屏幕很清晰".getBytes(StandardCharsets.UTF_16LE); // no NUL bytes: not told, read as bytes say
        assertThat(TextEncoding.detect(chineseOnly, chineseOnly.length, true).charset()).isNotEqualTo(StandardCharsets.UTF_16LE);
        assertThat(TextEncoding.decode(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'})).isEqualTo(
                new TextEncoding.Decoded("a", StandardCharsets.UTF_16BE));
    }
}
