#!/usr/bin/env python3
"""Replay scenario generator for Koubei (format v1 CSV) built from real Chinese review texts.

World: one consumer platform ("好物生活") with three business lines used as `product`:
  mall     (e-commerce goods: fruit, clothes, shampoo, dairy, water heaters, books) <- online_shopping_6cats.csv
  delivery (food delivery)                                                         <- waimai_food_delivery.csv
  hotel    (hotel booking)                                                         <- chnsenticorp_hotel.csv
Texts are real labelled reviews (label 1 = positive, 0 = negative), read at run time from the evaluation data
($KOUBEI_EVAL_DIR, default ../shared/eval next to the repository) and written only into the generated files under
$REPLAY_DIR (default target/replay): evaluation data is never copied into the repository.

12 ISO weeks 2026-W36 (Mon 2026-08-31) .. 2026-W47 (Sun 2026-11-22), Asia/Shanghai (+08:00).

Usage: python3 gen.py --seed 7 [--out $REPLAY_DIR/out] [--only calm,cocoon]
Writes <out>/<scenario>.csv and <out>/truth.json (injected item ids and parameters).
"""
import argparse, csv, json, math, os, random, re, sys
from datetime import datetime, timedelta, timezone

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EVAL = os.path.join(os.environ.get("KOUBEI_EVAL_DIR", os.path.join(REPO, "..", "shared", "eval")), "sentiment")
WORK = os.environ.get("REPLAY_DIR", os.path.join(REPO, "target", "replay"))
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 8, 31, tzinfo=TZ)          # Monday of 2026-W36
WEEKS = 12
END = START + timedelta(days=7 * WEEKS)           # exclusive: Mon 2026-11-23 00:00
SCENARIOS = ["calm", "ticket_surge", "praise_campaign", "channel_silent", "cocoon"]

# ---------------------------------------------------------------- base rates (items per week, before noise)
RATE = dict(forum_threads=300, social_posts=1000, official_posts=12, replies_per_official=15,
            tmall=300, jd=250, survey=300, ticket=400)
PRODUCT_MIX = {"delivery": 0.35, "mall": 0.45, "hotel": 0.20}
POS_SHARE = dict(community=0.55, social=0.60, review=0.75, ticket=0.15)
WEEK_NOISE = 0.04                                  # sd of the weekly volume multiplier (over-dispersion)
# weekday multipliers (Mon..Sun) per channel: mild, as on real platforms
WEEKDAY = dict(community=[1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1], social=[0.95, 0.95, 0.95, 1.0, 1.05, 1.1, 1.1],
               review=[1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05], survey=[1.1, 1.1, 1.1, 1.1, 1.1, 0.8, 0.7],
               ticket=[1.1, 1.05, 1.05, 1.05, 1.05, 0.9, 0.8])
# hour-of-day profile (Asia/Shanghai)
HOURS = [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 9, 8, 7, 7, 7, 7, 8, 9, 10, 11, 10, 6]
HOURS_OFFICE = [1, 1, 0, 0, 0, 0, 1, 3, 8, 10, 10, 9, 7, 9, 10, 10, 9, 8, 6, 5, 5, 4, 3, 2]

LQ_RE = re.compile("物流|快递|送货|发货|配送|送餐|送达|送到|送的|太慢|很慢|慢死|超时|包装|破损|坏了|烂了|质量|假货|漏水|漏|变质|不新鲜|少了|漏送|洒了")
OFFICIAL_POSTS = [
    "【周末福利】生鲜水果满99减20，评论区说说你最爱吃的水果～", "【新品上架】秋冬新款外套今日开售，转发抽3位送同款！",
    "【外卖节】今晚8点全场外卖红包雨，记得准时来抢～", "【酒店特惠】国庆后错峰出游，精选酒店低至5折，快来看看",
    "好物生活会员日来啦！大家最近买到了什么宝藏好物？", "【服务升级】生鲜订单现在支持坏果包赔，收到有问题随时找客服",
    "【晒单有礼】带图评价参与抽奖，奖品是一年份牛奶！", "【热水器节】以旧换新最高补贴500元，详情见主页",
    "早上好～今天的早餐是外卖还是自己做的？评论区晒一晒", "【双十一预告】11月1日晚8点开抢，先来评论区许个愿",
    "【图书专场】好书5折起，评论区推荐一本你最近在读的书", "感谢大家一直以来的支持，我们会继续努力把服务做得更好！",
    "【直播预告】周四晚7点直播间秒杀洗护套装，不见不散", "【酒店会员】金卡会员免费延迟退房，快去升级吧",
    "本周骑手之星评选开始啦，说说给你送餐最暖心的小哥～",
]
SERVICE_REPLY = ["您好，非常抱歉给您带来不好的体验，麻烦私信您的订单号，我们马上为您处理。",
                 "亲，看到您的反馈了，已经加急处理，请留意客服电话，再次抱歉～",
                 "您好，您反馈的问题我们已记录并转交专员跟进，请私信我们订单信息。"]
FORUM_STAFF_REPLY = ["感谢反馈，已转给对应的业务同学跟进，处理结果会在本帖更新。",
                     "您好，这个问题我们已经记录，请站内信发一下订单号方便核实。",
                     "收到，已提交给运营团队，后续有进展会第一时间通知。"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
USER_GROUPS = ["学生", "上班族", "宝妈", "商务出行", "普通用户"]


def iso(dt):
    return dt.astimezone(TZ).isoformat(timespec="seconds")


def week_index(dt):
    return (dt - START).days // 7


def week_key(i):
    return "2026-W%02d" % (36 + i)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 50:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


def zipf_weights(n, s):
    return [1.0 / (i + 1) ** s for i in range(n)]


def rand_time_in_day(rng, day, profile):
    h = rng.choices(range(24), weights=profile)[0]
    return day + timedelta(hours=h, seconds=rng.randrange(3600))


# ---------------------------------------------------------------- texts
class Texts:
    """Real texts per (product, polarity); each picker walks its own shuffled cycle, so a text repeats only after the
    whole pool has been used (as in reality, most posts are unique)."""

    def __init__(self):
        self.pool = {}
        def load(fn, product):
            with open(os.path.join(EVAL, fn), encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    t = (r["text"] or "").strip()
                    if len(t) < 4:
                        continue
                    pol = "pos" if r["label"] == "1" else "neg"
                    self.pool.setdefault((product, pol), []).append(t)
        load("online_shopping_6cats.csv", "mall")
        load("waimai_food_delivery.csv", "delivery")
        load("chnsenticorp_hotel.csv", "hotel")
        for k in list(self.pool):
            self.pool[k].sort()
            self.pool[(k[0], k[1] + "_short")] = [t for t in self.pool[k] if len(t) <= 60]
            self.pool[(k[0], k[1] + "_lq")] = [t for t in self.pool[k] if LQ_RE.search(t)]

    def picker(self, seed):
        return Picker(self, seed)


class Picker:
    def __init__(self, texts, seed):
        self.t, self.rng, self.cyc = texts, random.Random(seed), {}

    def __call__(self, product, pol):
        key = (product, pol)
        c = self.cyc.get(key)
        if not c:
            c = list(self.t.pool[key])
            self.rng.shuffle(c)
            self.cyc[key] = c
        return c.pop()


# ---------------------------------------------------------------- authors
class Authors:
    def __init__(self, seed):
        rng = random.Random(seed)
        self.rng = random.Random(seed + 1)
        self.oneoff = 0
        years = lambda a, b: START - timedelta(days=rng.uniform(a * 365, b * 365))
        # forum veterans: level >= 6, registered years ago, Zipf activity
        self.veterans = [dict(id="f-%05d" % (10000 + i), name="老会员%03d" % i, level=rng.randint(6, 10),
                              registeredAt=years(2, 7), followers=rng.randint(50, 3000)) for i in range(150)]
        self.vet_w = zipf_weights(150, 1.0)
        self.forum_casual = [dict(id="f-%05d" % (30000 + i), name="用户%05d" % (30000 + i),
                                  level=rng.choices([1, 2, 3, 4, 5], [30, 28, 20, 14, 8])[0],
                                  registeredAt=years(0.1, 4), followers=int(rng.lognormvariate(2.0, 1.2)))
                             for i in range(3000)]
        self.casual_w = zipf_weights(3000, 0.6)
        self.staff = [dict(id="f-staff-%d" % i, name="好物生活官方运营%d" % i, level=10, official=True,
                           registeredAt=years(5, 6), followers=20000) for i in range(1, 6)]
        # weibo
        def wb(i):
            fol = int(rng.lognormvariate(math.log(120), 1.6))
            reg = years(0.2, 12) if rng.random() > 0.02 else START - timedelta(days=rng.uniform(0, 60))
            return dict(id="wb-%08d" % (20000000 + i), name="微博用户%d" % (20000000 + i), followers=fol,
                        registeredAt=reg, verified=fol > 100000)
        self.weibo = [wb(i) for i in range(6000)]
        self.weibo_w = zipf_weights(6000, 0.8)
        self.official = dict(id="wb-10000001", name="好物生活", followers=2300000, verified=True, official=True,
                             registeredAt=years(8, 8.5))
        self.service = dict(id="wb-10000002", name="好物生活客服", followers=180000, verified=True, official=True,
                            registeredAt=years(6, 6.5))
        self.fans = [dict(id="wb-%08d" % (40000000 + i), name="好物生活铁粉%02d" % i,
                          followers=rng.randint(300, 8000), registeredAt=years(2, 8), verified=False)
                     for i in range(10)]
        self.shop = ["sh-%06d" % i for i in range(8000)]
        self.customers = ["zd-%06d" % i for i in range(6000)]

    def forum(self, veteran_share, t):
        r = self.rng.random()
        if r < veteran_share:
            return self.rng.choices(self.veterans, self.vet_w)[0]
        if r < veteran_share + 0.45:
            return self.rng.choices(self.forum_casual, self.casual_w)[0]
        return self._oneoff_forum(t)

    def _oneoff_forum(self, t):
        self.oneoff += 1
        i = self.oneoff
        return dict(id="f-n%06d" % i, name="新用户%06d" % i, level=self.rng.choice([1, 1, 2]),
                    registeredAt=t - timedelta(days=self.rng.uniform(0.5, 700)),
                    followers=int(self.rng.lognormvariate(1.0, 1.0)))

    def social(self):
        if self.rng.random() < 0.45:
            return self.rng.choices(self.weibo, self.weibo_w)[0]
        self.oneoff += 1
        i = self.oneoff
        fol = int(self.rng.lognormvariate(math.log(120), 1.6))
        reg = (START - timedelta(days=self.rng.uniform(60, 4000))) if self.rng.random() > 0.02 \
            else None  # a few brand-new accounts: registered shortly before posting (set by caller)
        return dict(id="wb-%08d" % (60000000 + i), name="微博用户%d" % (60000000 + i), followers=fol,
                    registeredAt=reg, verified=fol > 100000)


# ---------------------------------------------------------------- world
class World:
    def __init__(self, seed, scenario, texts):
        self.seed, self.sc, self.texts = seed, scenario, texts
        self.items, self.truth = [], {"scenario": scenario, "seed": seed}
        self.ext = 0

    def R(self, name):
        return random.Random("%d/%s" % (self.seed, name))

    def day_counts(self, name, weekly, channel):
        """Daily counts: weekly base x weekly noise x weekday profile, Poisson per day. Same for every scenario."""
        rng = self.R("vol/" + name)
        wd = WEEKDAY[channel]
        out = []
        for w in range(WEEKS):
            mult = max(0.85, min(1.15, rng.gauss(1.0, WEEK_NOISE)))
            for d in range(7):
                lam = weekly * mult * wd[d] / sum(wd)
                out.append((START + timedelta(days=7 * w + d), poisson(rng, lam)))
        return out

    def add(self, **kw):
        it = {k: v for k, v in kw.items() if v is not None}
        self.items.append(it)
        return it

    def author_cols(self, a, at=None):
        if a is None:
            return {}
        reg = a.get("registeredAt")
        return {"author.id": a["id"], "author.name": a.get("name"), "author.followers": a.get("followers"),
                "author.registeredAt": iso(reg) if reg else None, "author.level": a.get("level"),
                "author.verified": ("true" if a.get("verified") else None),
                "author.official": ("true" if a.get("official") else None)}

    @staticmethod
    def version(rng, t):
        # app versions 8.1 -> 8.2 (W40) -> 8.3 (W44), ~85% adoption after a week
        v = "8.1.0"
        for rel, ver in ((START + timedelta(days=28), "8.2.0"), (START + timedelta(days=56), "8.3.0")):
            if t > rel and rng.random() < min(0.9, (t - rel).days / 8 + 0.1):
                v = ver
        return v

    def product(self, rng):
        return rng.choices(list(PRODUCT_MIX), list(PRODUCT_MIX.values()))[0]

    def interactions(self, rng, followers=100):
        base = max(1.0, math.log10(max(followers, 1) + 1))
        return dict(likes=int(rng.lognormvariate(base, 1.1)) if rng.random() < 0.8 else 0,
                    reposts=int(rng.lognormvariate(base - 1, 1.0)) if rng.random() < 0.3 else 0,
                    replies=int(rng.lognormvariate(base - 1, 1.0)) if rng.random() < 0.4 else 0)

    # ---------------------------------------------------------- channels
    def forum(self):
        rng, pick, au = self.R("forum"), self.texts.picker("%d/forum" % self.seed), Authors(self.seed * 31 + 1)
        rrng = self.R("forum-replies")
        for day, n in self.day_counts("forum", RATE["forum_threads"], "community"):
            for _ in range(n):
                t = rand_time_in_day(rng, day, HOURS)
                prod = self.product(rng)
                pol = "pos" if rng.random() < POS_SHARE["community"] else "neg"
                a = au.forum(0.25, t)
                self.ext += 1
                eid = "t%07d" % self.ext
                self.add(source="life-forum", channel="community", externalId=eid, createdAt=t, text=pick(prod, pol),
                         product=prod, productVersion=self.version(rng, t), **self.author_cols(a),
                         **{"interactions.likes": int(rng.lognormvariate(1.5, 1.0))})
                # replies: ~1.1 per thread, within two days
                k = min(8, int(rng.expovariate(1 / 1.1)))
                for _ in range(k):
                    rt = t + timedelta(minutes=rrng.expovariate(1 / 360))
                    if rt >= END:
                        continue
                    ra = au.forum(0.40, rt)
                    rpol = "pos" if rrng.random() < 0.55 else "neg"
                    self.ext += 1
                    self.add(source="life-forum", channel="community", externalId="r%07d" % self.ext, createdAt=rt,
                             text=pick(prod, rpol + "_short"), product=prod, replyTo="life-forum:" + eid,
                             productVersion=self.version(rrng, rt), **self.author_cols(ra))
                if pol == "neg" and rrng.random() < 0.12:
                    st = t + timedelta(hours=rrng.uniform(1, 20))
                    if 9 <= st.hour < 19 and st < END:
                        self.ext += 1
                        self.add(source="life-forum", channel="community", externalId="s%07d" % self.ext,
                                 createdAt=st, text=rrng.choice(FORUM_STAFF_REPLY), product=prod,
                                 replyTo="life-forum:" + eid, **self.author_cols(rrng.choice(au.staff)))

    def social(self):
        rng, pick, au = self.R("social"), self.texts.picker("%d/social" % self.seed), Authors(self.seed * 31 + 2)
        srng = self.R("social-service")
        glow_from = START + timedelta(days=49) if self.sc == "ticket_surge" else None   # W43
        for day, n in self.day_counts("social", RATE["social_posts"], "social"):
            for _ in range(n):
                t = rand_time_in_day(rng, day, HOURS)
                prod = self.product(rng)
                u = rng.random()
                p_pos = POS_SHARE["social"]
                if glow_from and t >= glow_from:
                    p_pos = 0.78
                pol = "pos" if u < p_pos else "neg"
                a = dict(au.social())
                if a["registeredAt"] is None:
                    a["registeredAt"] = t - timedelta(days=rng.uniform(1, 29))
                self.ext += 1
                eid = "49%08d" % self.ext
                ia = self.interactions(rng, a["followers"])
                self.add(source="weibo", channel="social", externalId=eid, createdAt=t, text=pick(prod, pol),
                         product=prod, productVersion=self.version(rng, t), **self.author_cols(a),
                         **{"interactions.likes": ia["likes"], "interactions.reposts": ia["reposts"],
                            "interactions.replies": ia["replies"]})
                if pol == "neg" and srng.random() < 0.2:
                    st = t + timedelta(minutes=srng.uniform(20, 600))
                    if st < END:
                        self.ext += 1
                        self.add(source="weibo", channel="social", externalId="49%08d" % self.ext, createdAt=st,
                                 text=srng.choice(SERVICE_REPLY), product=prod, replyTo="weibo:" + eid,
                                 **self.author_cols(au.service))
        # official posts and the replies under them
        orng, rrng = self.R("official"), self.R("official-replies")
        fanrng = self.R("fans")
        fan_w = zipf_weights(10, 0.5)
        cocoon_ids = []
        for day, n in self.day_counts("official", RATE["official_posts"], "community"):
            for _ in range(n):
                t = day + timedelta(hours=orng.choice([10, 12, 15, 18, 20]), minutes=orng.randrange(60))
                self.ext += 1
                eid = "49%08d" % self.ext
                prod = self.product(orng)
                self.add(source="weibo", channel="social", externalId=eid, createdAt=t,
                         text=orng.choice(OFFICIAL_POSTS), product=prod, **self.author_cols(au.official),
                         **{"interactions.likes": orng.randint(200, 3000), "interactions.reposts": orng.randint(20, 400)})
                k = poisson(rrng, RATE["replies_per_official"])
                fan_extra = poisson(fanrng, 28) if self.sc == "cocoon" else 0
                for j in range(k + fan_extra):
                    fan = j >= k
                    if fan:
                        a = fanrng.choices(au.fans, fan_w)[0]
                        rt = t + timedelta(minutes=fanrng.expovariate(1 / 45))
                    else:
                        a = dict(au.social())
                        if a["registeredAt"] is None:
                            a["registeredAt"] = t - timedelta(days=rrng.uniform(1, 29))
                        rt = t + timedelta(minutes=rrng.expovariate(1 / 150))
                    if rt >= END:
                        continue
                    rr = fanrng if fan else rrng
                    pol = "pos" if rr.random() < (0.9 if fan else 0.65) else "neg"
                    self.ext += 1
                    it = self.add(source="weibo", channel="social", externalId="49%08d" % self.ext, createdAt=rt,
                                  text=pick(prod, pol + "_short"), product=prod, replyTo="weibo:" + eid,
                                  **self.author_cols(a))
                    if fan:
                        cocoon_ids.append("weibo:" + it["externalId"])
        if self.sc == "cocoon":
            self.truth["cocoon_fan_replies"] = len(cocoon_ids)
            self.truth["fans"] = [f["id"] for f in au.fans]

    def reviews(self):
        for src, rate in (("tmall", RATE["tmall"]), ("jd", RATE["jd"])):
            rng, pick = self.R("rev/" + src), self.texts.picker("%d/rev/%s" % (self.seed, src))
            drop = self.R("silence/" + src)
            quiet_from = START + timedelta(days=7 * 9 + 3)  # Thu 2026-11-05 00:00 (W45, mid-week)
            dropped = 0
            for day, n in self.day_counts("rev/" + src, rate, "review"):
                for _ in range(n):
                    t = rand_time_in_day(rng, day, HOURS)
                    pol = "pos" if rng.random() < POS_SHARE["review"] else "neg"
                    stars = rng.choices([5, 4], [70, 30])[0] if pol == "pos" else rng.choices([1, 2, 3], [50, 30, 20])[0]
                    text = pick("mall", pol)
                    uid = rng.choice(AUTH_SHOP) if rng.random() < 0.3 else "%s-u%07d" % (src, rng.randrange(10 ** 7))
                    self.ext += 1
                    keep = True
                    if self.sc == "channel_silent" and src == "tmall" and t >= quiet_from:
                        keep = drop.random() < 0.05
                        dropped += not keep
                    if keep:
                        self.add(source=src, channel="review", externalId="%s%08d" % (src[0], self.ext), createdAt=t,
                                 text=text, product="mall", **{"author.id": uid, "author.name": uid[:1] + "***" + uid[-1],
                                                                "rating.scale": "stars", "rating.value": stars})
            if self.sc == "channel_silent" and src == "tmall":
                self.truth["tmall_dropped"] = dropped
                self.truth["quiet_from"] = iso(quiet_from)

    def survey(self):
        rng, pick = self.R("survey"), self.texts.picker("%d/survey" % self.seed)
        for day, n in self.day_counts("survey", RATE["survey"], "survey"):
            for _ in range(n):
                t = rand_time_in_day(rng, day, HOURS_OFFICE)
                score = rng.choices(range(11), [3, 1, 2, 2, 3, 5, 9, 13, 17, 22, 23])[0]
                prod = self.product(rng)
                pol = "pos" if score >= 9 else "neg" if score <= 6 else rng.choice(["pos", "neg"])
                text = pick(prod, pol) if rng.random() > 0.1 else None
                self.ext += 1
                self.add(source="nps-2026q4", channel="survey", externalId="n%07d" % self.ext, createdAt=t, text=text,
                         product=prod, **{"author.id": "r-%07d" % self.ext, "rating.scale": "nps", "rating.value": score,
                                          "fields.question": "您向朋友推荐好物生活的可能性有多大？",
                                          "fields.userGroup": rng.choice(USER_GROUPS)})

    def tickets(self):
        rng, pick = self.R("ticket"), self.texts.picker("%d/ticket" % self.seed)
        xrng, xpick = self.R("ticket-surge"), self.texts.picker("%d/ticket-surge" % self.seed)
        surge_from = START + timedelta(days=49)  # Mon 2026-10-19 (W43)
        days = self.day_counts("ticket", RATE["ticket"], "ticket")
        # expected logistics/quality negative tickets per ticket: measured on the pools
        lq_share = {p: len(self.texts.pool[(p, "neg_lq")]) / len(self.texts.pool[(p, "neg")]) for p in PRODUCT_MIX}
        lq_rate = sum(PRODUCT_MIX[p] * lq_share[p] for p in PRODUCT_MIX) * (1 - POS_SHARE["ticket"])
        extra_ids, base_lq = [], [0] * WEEKS

        def ticket(r, t, prod, text, pol):
            self.ext += 1
            first = t + timedelta(minutes=r.lognormvariate(math.log(90), 0.8))
            resolved = first + timedelta(hours=r.lognormvariate(math.log(20), 0.9))
            status = "solved" if resolved < END else ("pending" if first < END else "open")
            tag = "物流" if re.search("物流|快递|送|配送|慢", text) else "质量" if re.search("质量|坏|破|假|漏", text) \
                else "服务" if re.search("客服|服务|态度", text) else "其他"
            cs = r.choices([5, 4, 3, 2, 1], [45, 25, 12, 8, 10])[0] if status == "solved" and r.random() < 0.35 else None
            it = self.add(source="zendesk", channel="ticket", externalId="z%07d" % self.ext, createdAt=t, text=text,
                          product=prod, productVersion=self.version(r, t),
                          **{"author.id": r.choice(AUTH_CUST) if r.random() < 0.3 else "zd-n%07d" % self.ext,
                             "author.name": r.choice(SURNAMES) + r.choice(["先生", "女士"]),
                             "ticket.status": status, "ticket.firstResponseAt": iso(first) if first < END else None,
                             "ticket.resolvedAt": iso(resolved) if resolved < END else None, "tags": tag,
                             "rating.scale": "csat" if cs else None, "rating.value": cs})
            return it

        for day, n in days:
            for _ in range(n):
                t = rand_time_in_day(rng, day, HOURS_OFFICE)
                prod = self.product(rng)
                pol = "pos" if rng.random() < POS_SHARE["ticket"] else "neg"
                text = pick(prod, pol)
                if pol == "neg" and LQ_RE.search(text):
                    base_lq[week_index(t)] += 1
                ticket(rng, t, prod, text, pol)
            if self.sc == "ticket_surge" and day >= surge_from:
                # triple the logistics/quality complaints: add 2x their expected daily count
                for _ in range(poisson(xrng, 2 * n * lq_rate)):
                    t = rand_time_in_day(xrng, day, HOURS_OFFICE)
                    prod = xrng.choices(["delivery", "mall"], [0.5, 0.5])[0]
                    it = ticket(xrng, t, prod, xpick(prod, "neg_lq"), "neg")
                    extra_ids.append("zendesk:" + it["externalId"])
        if self.sc == "ticket_surge":
            self.truth["ticket_extra"] = len(extra_ids)
            self.truth["ticket_lq_neg_per_week_base"] = base_lq
            self.truth["lq_rate_expected"] = lq_rate

    def praise_campaign(self):
        """W42: ~150 near-identical praise posts from ~120 new, low-follower accounts within 2 hours (weibo)."""
        rng = self.R("campaign")
        bases = ["收到了，包装很好，水果非常新鲜，个头大，甜度高，家里人都很喜欢，好物生活真的太好用了，以后就认准这家了",
                 "洗发水用了一个星期，头发柔顺了很多，味道也好闻，物流超快第二天就到了，性价比很高，强烈推荐给大家",
                 "外卖送得特别快，饭菜还是热乎的，分量足味道好，骑手小哥态度也很好，好物生活外卖越来越好用了"]
        leads = ["", "", "真心推荐！", "亲测好用，", "必须夸一下：", "姐妹们冲！", "说实话，"]
        tails = ["", "", "！", "👍", "[赞]", "[爱你]", " #好物生活#", "～", "！！！"]
        swaps = [("非常", "特别"), ("很好", "不错"), ("强烈推荐", "墙裂推荐"), ("真的", "确实"), ("超快", "很快"),
                 ("很喜欢", "超喜欢"), ("分量足", "量很足"), ("以后就认准这家了", "会回购的")]
        t0 = START + timedelta(days=7 * 6 + 2, hours=20, minutes=10)   # Wed 2026-10-14 20:10 (W42)
        accounts = []
        for i in range(120):
            accounts.append(dict(id="wb-%08d" % (75000000 + rng.randrange(10 ** 6)), name="用户%010d" % rng.randrange(10 ** 10),
                                 followers=rng.randint(0, 30), registeredAt=t0 - timedelta(days=rng.uniform(1, 25))))
        ids = []
        for j in range(150):
            a = accounts[j] if j < 120 else rng.choice(accounts)
            b = rng.randrange(len(bases))
            text = bases[b]
            for x, y in swaps:
                if rng.random() < 0.3:
                    text = text.replace(x, y)
            text = rng.choice(leads) + text + rng.choice(tails)
            t = t0 + timedelta(seconds=rng.uniform(0, 105 * 60))
            self.ext += 1
            it = self.add(source="weibo", channel="social", externalId="49%08d" % self.ext, createdAt=t, text=text,
                          product=["mall", "mall", "delivery"][b], **self.author_cols(a),
                          **{"interactions.likes": rng.randint(0, 3)})
            ids.append("weibo:" + it["externalId"])
        self.truth["campaign_ids"] = ids
        self.truth["campaign_accounts"] = len({a["id"] for a in accounts})
        self.truth["campaign_window"] = [iso(t0), iso(t0 + timedelta(minutes=105))]

    def build(self):
        self.forum()
        self.social()
        self.reviews()
        self.survey()
        self.tickets()
        if self.sc == "praise_campaign":
            self.praise_campaign()
        self.items = [i for i in self.items if START <= i["createdAt"] < END]
        self.items.sort(key=lambda i: (i["createdAt"], i["source"], i["externalId"]))
        return self.items


COLUMNS = ["source", "channel", "externalId", "createdAt", "text", "product", "productVersion", "author.id",
           "author.name", "author.followers", "author.registeredAt", "author.level", "author.verified",
           "author.official", "rating.scale", "rating.value", "interactions.likes", "interactions.reposts",
           "interactions.replies", "replyTo", "ticket.status", "ticket.firstResponseAt", "ticket.resolvedAt", "tags",
           "fields.question", "fields.userGroup"]
AUTH_SHOP = ["sh-%06d" % i for i in range(8000)]
AUTH_CUST = ["zd-%06d" % i for i in range(6000)]


def write_csv(path, items):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for it in items:
            row = []
            for c in COLUMNS:
                v = it.get(c)
                if isinstance(v, datetime):
                    v = iso(v)
                row.append("" if v is None else str(v))
            w.writerow(row)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=os.path.join(WORK, "out"))
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    if not os.path.isdir(EVAL):
        sys.exit("gen.py: the evaluation texts are not at %s (set KOUBEI_EVAL_DIR to the directory holding "
                 "sentiment/*.csv)" % EVAL)
    os.makedirs(a.out, exist_ok=True)
    texts = Texts()
    truth = {}
    for sc in (a.only.split(",") if a.only else SCENARIOS):
        w = World(a.seed, sc, texts)
        items = w.build()
        write_csv(os.path.join(a.out, sc + ".csv"), items)
        per_ch = {}
        for it in items:
            k = (week_key(week_index(it["createdAt"])), it["channel"])
            per_ch[k] = per_ch.get(k, 0) + 1
        w.truth["items"] = len(items)
        w.truth["per_week_channel"] = {"%s|%s" % k: v for k, v in sorted(per_ch.items())}
        truth[sc] = w.truth
        print("%-16s %6d items" % (sc, len(items)), file=sys.stderr)
    tp = os.path.join(a.out, "truth.json")
    old = json.load(open(tp)) if os.path.exists(tp) else {}
    old.update(truth)
    json.dump(old, open(tp, "w"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
