#!/usr/bin/python3
"""Seeded synthetic corpus of UN General Assembly resolution texts in Chinese and English,
shaped like data/samples/A_RES_68_193.zh.txt and ../shared/corpus/en-ga: heading (session,
agenda item, adoption line, report line), "N/M. Title", "The General Assembly," / "大会，",
preambular paragraphs that open with a clause verb and cite resolutions (written the way the
real texts write them: "its resolutions 46/152 of 18 December 1991 and 60/1 ...",
"第 46/152 号、第 60/1 号决议"), treaties and bodies by name (from data/gazetteer), operative
paragraphs "1. Requests the Secretary-General ...", closing meeting line and date.

usage: /usr/bin/python3 bench/gen_corpus.py OUT_DIR [--docs 100000] [--seed 42] [--zh 0.5]
Writes OUT_DIR/<shard>/A_RES_<session>_<n>.<lang>.txt (1000 files a shard; sessions 60-79,
numbers 1-400, so document ids repeat after 8,000 documents) and prints one JSON
line: documents, bytes, citations written.
"""
import argparse, json, os, pathlib, random

HERE = pathlib.Path(__file__).resolve().parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
CARD = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth"]
TENS = ["", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
ZH_DIG = "零一二三四五六七八九"

EN_PRE = ["Recalling", "Reaffirming", "Recalling also", "Noting", "Welcoming", "Recognizing",
          "Emphasizing", "Stressing", "Bearing in mind", "Taking note of", "Mindful of",
          "Deeply concerned about", "Acknowledging"]
EN_OP = ["Requests the Secretary-General to", "Urges Member States to", "Calls upon all States to",
         "Encourages Governments to", "Invites the relevant organizations to",
         "Decides to", "Recommends that", "Welcomes", "Takes note of", "Reaffirms"]
ZH_PRE = ["重申", "回顾", "又回顾", "注意到", "欢迎", "认识到", "强调", "考虑到", "深为关切",
          "确认", "铭记"]
ZH_OP = ["请秘书长", "敦促会员国", "促请所有国家", "鼓励各国政府", "邀请有关组织", "决定",
         "建议", "欢迎", "注意到", "重申"]
EN_FILL = ("the implementation of international cooperation and technical assistance in the "
           "field of crime prevention and criminal justice for sustainable development and the "
           "protection of human rights of all persons including women and children in "
           "accordance with national legislation and relevant international instruments").split()
ZH_FILL = list("国际合作和技术援助在预防犯罪和刑事司法领域促进可持续发展保护所有人的人权包括妇女和儿童"
               "根据国家立法和有关国际文书加强能力建设")


def en_ordinal(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + ("ieth" if o == 0 else "y-" + ONES[o])


def zh_num(n):
    if n < 10:
        return ZH_DIG[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else ZH_DIG[t]) + "十" + (ZH_DIG[o] if o else "")


def entities():
    names = []
    with open(HERE.parent / "data" / "gazetteer" / "entities.tsv", encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols))
            if "self" in row.get("tags", ""):
                continue
            if row.get("name_en") and row.get("name_zh"):
                names.append((row["name_en"], row["name_zh"], row["kind"]))
    return names


def words(rng, pool, lo, hi, sep):
    k = rng.randint(lo, hi)
    i = rng.randrange(len(pool))
    return sep.join(pool[(i + j) % len(pool)] for j in range(k))


def date(rng, year):
    return rng.randint(1, 28), rng.randint(1, 12), year


def cite_list_en(rng, session):
    k = rng.choice([1, 1, 1, 2, 2, 3, 4])
    out = []
    for _ in range(k):
        s = rng.randint(max(31, session - 30), session - 1)
        d, m, y = date(rng, 1945 + s)
        out.append(f"{s}/{rng.randint(1, 330)} of {d} {MONTHS[m - 1]} {y}")
    body = out[0] if k == 1 else ", ".join(out[:-1]) + " and " + out[-1]
    return ("its resolution " if k == 1 else "its resolutions ") + body, k


def cite_list_zh(rng, session):
    k = rng.choice([1, 1, 1, 2, 2, 3, 4])
    out = []
    for _ in range(k):
        s = rng.randint(max(31, session - 30), session - 1)
        d, m, y = date(rng, 1945 + s)
        out.append(f"{y} 年 {m} 月 {d} 日第 {s}/{rng.randint(1, 330)} 号")
    return "其" + "、".join(out) + "决议", k


def document(rng, ents, lang, session, number):
    cites = 0
    agenda = rng.randint(10, 140)
    d, m, y = date(rng, 1945 + session)
    n_pre, n_op = rng.randint(2, 8), rng.randint(3, 12)
    if lang == "en":
        title = words(rng, EN_FILL, 4, 10, " ").capitalize()
        lines = ["United Nations ", f"A/RES/{session}/{number}", " ", "General Assembly ",
                 "Distr.: General ", f"{d} {MONTHS[m - 1]} {y} ", " ",
                 f"{en_ordinal(session).capitalize()} session ", f"Agenda item {agenda} ",
                 title + " ", " ", f" Resolution adopted by the General Assembly ",
                 f"on {d} {MONTHS[m - 1]} {y} ", " ",
                 f"[on the report of the Third Committee (A/{session}/{rng.randint(400, 480)})] ",
                 " ", f"{session}/{number}. {title} ", " ", "The General Assembly, ", " "]
        for _ in range(n_pre):
            verb = rng.choice(EN_PRE)
            r = rng.random()
            if r < 0.55:
                cl, k = cite_list_en(rng, session)
                cites += k
                text = f"{verb} {cl}, {words(rng, EN_FILL, 8, 30, ' ')}"
            elif r < 0.85:
                e = rng.choice(ents)
                text = f"{verb} the {e[0]}, {words(rng, EN_FILL, 8, 30, ' ')}"
            else:
                text = f"{verb} {words(rng, EN_FILL, 10, 40, ' ')}"
            lines += [text + ", ", " "]
        for i in range(1, n_op + 1):
            verb = rng.choice(EN_OP)
            text = f"{i}. {verb} {words(rng, EN_FILL, 8, 35, ' ')}"
            if rng.random() < 0.3:
                cl, k = cite_list_en(rng, session)
                cites += k
                text += f", as called for in {cl}"
            if rng.random() < 0.3:
                text += f", in cooperation with the {rng.choice(ents)[0]}"
            lines += [text + ("; " if i < n_op else ". "), " "]
        lines += [f"{rng.randint(30, 80)}th plenary meeting ", f"{d} {MONTHS[m - 1]} {y} ", ""]
    else:
        title = "".join(words(rng, ZH_FILL, 8, 20, ""))
        lines = ["", "", f"第{zh_num(session)}届会议", f"议程项目 {agenda}", "",
                 f"{y} 年 {m} 月 {d} 日大会决议", "",
                 f"[根据第三委员会的报告(A/{session}/{rng.randint(400, 480)})通过]", "",
                 f"{session}/{number}. {title}", "", "大会，", ""]
        for _ in range(n_pre):
            verb = rng.choice(ZH_PRE)
            r = rng.random()
            if r < 0.55:
                cl, k = cite_list_zh(rng, session)
                cites += k
                text = f"{verb}{cl}，{words(rng, ZH_FILL, 10, 40, '')}"
            elif r < 0.85:
                e = rng.choice(ents)
                quoted = f"《{e[1]}》" if e[2] in ("Treaty", "Instrument") else e[1]
                text = f"{verb}{quoted}{words(rng, ZH_FILL, 10, 40, '')}"
            else:
                text = f"{verb}{words(rng, ZH_FILL, 15, 50, '')}"
            lines += [text + "，", ""]
        for i in range(1, n_op + 1):
            verb = rng.choice(ZH_OP)
            text = f"{i}. **{verb}**{words(rng, ZH_FILL, 10, 45, '')}"
            if rng.random() < 0.3:
                cl, k = cite_list_zh(rng, session)
                cites += k
                text += f"，按照{cl}"
            if rng.random() < 0.3:
                text += f"，与{rng.choice(ents)[1]}合作"
            lines += [text + ("；" if i < n_op else "。"), ""]
        lines += [f"{y} 年 {m} 月 {d} 日", f"第 {rng.randint(30, 80)} 次全体会议"]
    return "\n".join(lines) + "\n", cites


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--zh", type=float, default=0.5, help="share of Chinese documents")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ents = entities()
    total = cites = 0
    for i in range(a.docs):
        session, number = 60 + (i // 400) % 20, i % 400 + 1  # ids repeat past 8000 docs
        lang = "zh" if rng.random() < a.zh else "en"
        text, k = document(rng, ents, lang, session, number)
        shard = pathlib.Path(a.out) / f"{i // 1000:03d}"
        if i % 1000 == 0:
            shard.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (shard / f"A_RES_{session}_{number}.{lang}.txt").write_bytes(data)
        total += len(data)
        cites += k
    print(json.dumps({"documents": a.docs, "bytes": total, "citations_written": cites}))


if __name__ == "__main__":
    main()
