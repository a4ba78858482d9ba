package io.koubei.ingest.demo;

import java.util.List;

/**
 * Product aspects the demo texts talk about, each with the project's own small vocabulary: nouns that name the
 * aspect, adjectives and whole phrases for each polarity, technical terms used by enthusiasts, and a few English
 * phrases. Every text about an aspect contains at least one of its {@link #keywords()}.
 */
public enum DemoAspect {
    BATTERY("battery", "续航",
            List.of("续航", "电池", "电量"),
            List.of("耐用", "给力", "顶", "扎实"),
            List.of("拉胯", "差", "短", "虚"),
            List.of("重度使用也能撑到晚上", "一天一充完全够用", "比上一代耐用多了", "出门一整天不用带充电宝"),
            List.of("掉电太快", "一天要充两次", "半天就没电了", "电量跳得厉害"),
            List.of("待机功耗", "SOT", "亮屏时间", "后台耗电", "掉电曲线"),
            List.of("battery life is great", "the battery easily lasts a full day"),
            List.of("battery drains way too fast", "battery life is disappointing")),
    CHARGING("charging", "充电",
            List.of("充电", "快充", "充电速度"),
            List.of("快", "稳", "给力", "省心"),
            List.of("慢", "不稳定", "拉胯", "烦人"),
            List.of("半小时就能充满", "快充真的很猛", "无线充电也很方便"),
            List.of("充满要两个多小时", "快充经常断开", "充电口接触不良", "充电时提示异常"),
            List.of("PD协议", "充电功率", "涓流", "充电曲线"),
            List.of("charging is super fast", "fast charging works perfectly"),
            List.of("charging is painfully slow", "fast charging keeps disconnecting")),
    SCREEN("screen", "屏幕",
            List.of("屏幕", "显示效果", "屏幕素质"),
            List.of("细腻", "通透", "清晰", "舒服"),
            List.of("偏黄", "发灰", "刺眼", "一般"),
            List.of("看视频特别舒服", "户外阳光下也看得清", "色彩很正"),
            List.of("低亮度下有频闪", "屏幕边缘发绿", "触控偶尔失灵", "出现了亮点"),
            List.of("PWM调光", "色准", "峰值亮度", "刷新率"),
            List.of("the display is gorgeous", "the screen is bright and sharp"),
            List.of("the screen flickers at low brightness", "the display has a green tint")),
    CAMERA("camera", "拍照",
            List.of("拍照", "相机", "影像"),
            List.of("清晰", "出色", "惊艳", "好看"),
            List.of("模糊", "一般", "拉胯", "偏色"),
            List.of("夜景拍得特别干净", "人像虚化很自然", "随手一拍就是大片"),
            List.of("对焦经常拉风箱", "夜景噪点很多", "暗光下糊成一片", "相机启动太慢"),
            List.of("对焦", "HDR算法", "长焦", "传感器", "白平衡"),
            List.of("the camera is amazing", "night photos look stunning"),
            List.of("the camera struggles in low light", "autofocus keeps hunting")),
    PERFORMANCE("performance", "流畅度",
            List.of("流畅度", "性能", "运行速度"),
            List.of("流畅", "丝滑", "跟手", "稳"),
            List.of("卡顿", "掉帧", "慢", "卡"),
            List.of("打游戏一点都不卡", "多开应用也很流畅", "动画特别丝滑"),
            List.of("刷微博都会卡顿", "打游戏掉帧严重", "切换应用要等好几秒"),
            List.of("帧率", "调度", "跑分", "内存管理", "后台保活"),
            List.of("performance is buttery smooth", "apps open instantly"),
            List.of("the phone lags a lot", "games stutter constantly")),
    HEAT("heat", "发热",
            List.of("发热", "温度", "温控"),
            List.of("控制得好", "稳", "凉快", "到位"),
            List.of("严重", "离谱", "烫手", "压不住"),
            List.of("玩一小时游戏也只是微温", "散热做得很到位", "夏天用也不烫"),
            List.of("机身烫得拿不住", "充电的时候发烫", "刷视频十分钟就很烫", "发热导致自动降亮度"),
            List.of("温控策略", "降频", "散热", "SoC温度"),
            List.of("the phone stays cool", "thermals are well controlled"),
            List.of("the phone gets really hot", "it overheats while charging")),
    SIGNAL("signal", "信号",
            List.of("信号", "网络", "基带"),
            List.of("稳", "好", "强", "满格"),
            List.of("差", "弱", "不稳定", "烂"),
            List.of("地铁里信号也很稳", "电梯里都能满格", "5G网速很快"),
            List.of("地下车库直接没信号", "经常断流", "打电话断断续续", "WiFi老是掉线"),
            List.of("基带", "频段", "载波聚合", "天线设计"),
            List.of("the signal is rock solid", "5G reception is excellent"),
            List.of("the signal keeps dropping", "calls drop all the time")),
    SYSTEM("system", "系统",
            List.of("系统", "系统更新", "OTA"),
            List.of("好用", "干净", "稳定", "贴心"),
            List.of("难用", "臃肿", "不稳定", "烦"),
            List.of("新版本的桌面很好用", "系统很干净没有广告", "更新之后更顺了"),
            List.of("更新后频繁闪退", "广告推送太多", "OTA之后耗电变大", "升级完重启了好几次"),
            List.of("内核", "刷机", "内测", "bootloader", "系统底包"),
            List.of("the new update is great", "the software is clean"),
            List.of("the update broke my phone", "too many ads in the system")),
    DESIGN("design", "外观",
            List.of("外观", "手感", "颜值"),
            List.of("好看", "高级", "舒服", "精致"),
            List.of("廉价", "一般", "硌手", "普通"),
            List.of("配色太好看了", "握持手感一流", "背板质感很高级"),
            List.of("边框太硌手", "机身太重了", "背板容易沾指纹", "镜头模组太突出"),
            List.of("中框工艺", "重量分布", "AG玻璃", "配重"),
            List.of("the design is gorgeous", "it feels premium in the hand"),
            List.of("it feels cheap", "the phone is too heavy")),
    PRICE("price", "价格",
            List.of("价格", "售价", "定价"),
            List.of("实惠", "良心", "亲民", "划算"),
            List.of("贵", "虚高", "不值", "坑"),
            List.of("性价比很高，这个价位没有对手", "双十一入手很划算", "配置对得起这个价"),
            List.of("刚买就降价了", "这个价格还不如友商", "溢价太严重"),
            List.of("BOM成本", "价位段", "定价策略"),
            List.of("great value for money", "the price is fair"),
            List.of("overpriced for what you get", "the price dropped right after I bought it")),
    SERVICE("service", "客服",
            List.of("客服", "在线客服", "客服热线"),
            List.of("耐心", "专业", "及时", "热情"),
            List.of("敷衍", "冷漠", "不专业", "慢"),
            List.of("客服回复很及时", "客服很耐心地帮我解决了", "电话一打就通"),
            List.of("客服只会复制粘贴", "等了一天客服都没回", "客服热线一直占线", "客服踢皮球"),
            List.of("工单", "升级处理", "回访"),
            List.of("customer service was very helpful", "support replied within minutes"),
            List.of("customer service never replied", "support was useless")),
    LOGISTICS("logistics", "物流",
            List.of("物流", "快递", "发货"),
            List.of("快", "给力", "及时", "靠谱"),
            List.of("慢", "拖拉", "不靠谱", "离谱"),
            List.of("第二天就送到了", "包装很严实", "发货速度很快"),
            List.of("一周了还没发货", "快递盒子都压扁了", "物流信息一直不更新"),
            List.of("仓配", "次日达", "签收"),
            List.of("delivery was fast", "it arrived the next day"),
            List.of("delivery took forever", "the package arrived damaged")),
    AFTER_SALES("after_sales", "售后",
            List.of("售后", "维修", "保修"),
            List.of("靠谱", "省心", "高效", "专业"),
            List.of("麻烦", "坑", "拖拉", "扯皮"),
            List.of("售后直接换了新机", "维修点服务很专业", "寄修三天就回来了"),
            List.of("送修半个月没消息", "售后说人为损坏不保修", "维修费太贵了"),
            List.of("寄修", "备件", "检测报告"),
            List.of("the repair service was quick", "they replaced it without hassle"),
            List.of("the repair took weeks", "warranty claim was rejected")),
    QUALITY("quality", "质量",
            List.of("质量", "做工", "品控"),
            List.of("扎实", "好", "过硬", "精细"),
            List.of("差", "堪忧", "粗糙", "一般"),
            List.of("摔了几次都没事", "做工很扎实", "用了一年还跟新的一样"),
            List.of("刚到手就有划痕", "按键松动", "屏幕和边框有缝隙", "用了一个月就坏了"),
            List.of("品控", "良品率", "装配公差"),
            List.of("build quality is excellent", "it feels solid"),
            List.of("build quality is poor", "it broke after a month"));

    private final String key;
    private final String label;
    private final List<String> nouns;
    private final List<String> positiveAdjectives;
    private final List<String> negativeAdjectives;
    private final List<String> positivePhrases;
    private final List<String> negativePhrases;
    private final List<String> technicalTerms;
    private final List<String> englishPositive;
    private final List<String> englishNegative;

    DemoAspect(String key, String label, List<String> nouns, List<String> positiveAdjectives,
               List<String> negativeAdjectives, List<String> positivePhrases, List<String> negativePhrases,
               List<String> technicalTerms, List<String> englishPositive, List<String> englishNegative) {
        this.key = key;
        this.label = label;
        this.nouns = nouns;
        this.positiveAdjectives = positiveAdjectives;
        this.negativeAdjectives = negativeAdjectives;
        this.positivePhrases = positivePhrases;
        this.negativePhrases = negativePhrases;
        this.technicalTerms = technicalTerms;
        this.englishPositive = englishPositive;
        this.englishNegative = englishNegative;
    }

    /** Stable lower-case key used in scenario records and docs, e.g. {@code heat}. */
    public String key() {
        return key;
    }

    /** Chinese label, e.g. 发热; used as the ticket category tag. */
    public String label() {
        return label;
    }

    /** Words of which at least one appears in every text generated about this aspect (Chinese or English). */
    public List<String> keywords() {
        return nouns;
    }

    List<String> nouns() {
        return nouns;
    }

    List<String> positiveAdjectives() {
        return positiveAdjectives;
    }

    List<String> negativeAdjectives() {
        return negativeAdjectives;
    }

    List<String> positivePhrases() {
        return positivePhrases;
    }

    List<String> negativePhrases() {
        return negativePhrases;
    }

    List<String> technicalTerms() {
        return technicalTerms;
    }

    List<String> englishPositive() {
        return englishPositive;
    }

    List<String> englishNegative() {
        return englishNegative;
    }

    public static DemoAspect fromKey(String key) {
        for (DemoAspect a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown demo aspect: " + key);
    }
}
