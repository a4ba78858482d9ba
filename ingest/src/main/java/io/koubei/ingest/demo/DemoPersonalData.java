package io.koubei.ingest.demo;

import java.util.List;
import java.util.Random;

/**
 * Fake personal data (mobile numbers, e-mail addresses at example.com, resident ID numbers with a valid check digit)
 * that a few users paste into posts and tickets, so masking can be tested. None of it belongs to anyone.
 */
final class DemoPersonalData {
    private static final List<String> MOBILE_PREFIXES = List.of("138", "139", "150", "151", "186", "177", "135", "188");
    private static final List<String> MAIL_NAMES = List.of("zhang.wei", "li.na", "wang.fang", "liu.yang", "chen.jie",
            "user", "xinghe.fan", "yang.lei");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private DemoPersonalData() {
    }

    static String mobile(Random r) {
        return DemoTexts.pick(MOBILE_PREFIXES, r) + String.format("%08d", r.nextInt(100_000_000));
    }

    static String email(Random r) {
        return DemoTexts.pick(MAIL_NAMES, r) + (1970 + r.nextInt(40)) + "@example.com";
    }

    /** 18-digit resident ID number with a correct ISO 7064 check character (fake region and date). */
    static String idNumber(Random r) {
        String body = String.format("1101%02d%04d%02d%02d%03d", 1 + r.nextInt(20), 1960 + r.nextInt(45),
                1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    /** A sentence with a phone number or e-mail, as users append to posts. */
    static String contactLine(Random r) {
        return r.nextBoolean() ? "有同样问题的可以联系我 " + mobile(r) : "详细日志发我邮箱 " + email(r) + " 也行";
    }

    /** Personal data a customer puts into a ticket. */
    static String ticketContact(Random r) {
        int kind = r.nextInt(10);
        if (kind < 6) {
            return "联系电话：" + mobile(r) + "。";
        } else if (kind < 9) {
            return "邮箱：" + email(r) + "，电话" + mobile(r) + "。";
        }
        return "实名信息：身份证号" + idNumber(r) + "，电话" + mobile(r) + "。";
    }
}
