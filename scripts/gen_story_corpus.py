#!/usr/bin/env python3
"""Generates a synthetic news corpus with a known story grouping, for checking `batch`'s story
grouping and `compare --matched` (no corpus text: every word comes from the lists below).

Each event has its own place, two named actors and a handful of event words; several outlets write
it up, each with its own sentence order, synonyms and filler, on dates within two days of the
event. Planted effects:
  * within-story framing: outlet "Daily Ledger" describes every event with loaded words in its own
    voice ("slammed the reckless plan"), "The Courier" with neutral ones ("criticised the plan");
  * topic selection: Daily Ledger covers mostly crime events, The Courier mostly economy events, and
    crime write-ups are longer (more sentences), so the outlets differ in words per article and in
    frames by topic alone.
Fields: id, outlet, date, title, text, topic, true_story (keep them with --keep-fields).

  python3 scripts/gen_story_corpus.py --events 200 --out corpus.jsonl [--seed 1]
"""
import argparse
import datetime
import json
import random
import sys

FIRST = ("Maria John Aisha Peter Elena Tomas Grace Victor Nadia Oscar Lena Hugo Irene Marco Sara Felix Clara "
         "Ivan Rosa Pablo Nora Emil Alma Boris Dana Karl Lucia Omar Paula Rafael Tara Yusuf").split()
PLACES = ("Ashford Brenton Calder Dunmore Elwick Farley Glenrock Harwood Ingleby Jarrow Kilbride Larkhall Marston "
          "Norwood Oakridge Pemberton Quarry Redhill Stanmore Thornbury Upton Valemont Westbury Yarmouth Zennor "
          "Alderley Bramley Carrick Dalton Easton Fenwick Gransby").split()
ROLES = ("mayor", "senator", "minister", "governor", "councillor", "chief executive", "union leader",
         "prosecutor", "police chief", "judge")
TOPIC_WORDS = {
    "crime": ("robbery burglary arrest suspects detectives warrant court trial verdict sentence prison "
              "smuggling fraud theft assault investigation evidence witnesses charges").split(),
    "economy": ("budget tariff inflation wages factory exports taxes subsidy deficit pension market shares "
                "investment jobs unemployment loans interest growth").split(),
}
OBJECTS = ("plan proposal bill deal measure policy package reform scheme programme").split()
LOADED = {  # (verb, adjective) in the outlet's own voice
    "Daily Ledger": [("slammed", "reckless"), ("blasted", "disastrous"), ("slammed", "chaotic"),
                     ("blasted", "outrageous"), ("slammed", "shameful")],
    "The Courier": [("criticised", "new"), ("questioned", "proposed"), ("criticised", "revised"),
                    ("questioned", "new"), ("criticised", "proposed")],
}
FILLER = ["The meeting lasted several hours.", "Officials expect a further update later.",
          "Residents followed the debate closely.", "A spokesperson declined to comment further.",
          "The details were published on the council website.", "Local groups plan to respond."]


SYLLABLES = "ka ro mi ten vel dor sa lin bru mar tes gol fen ris ol dan".split()


def surname(rng):
    """A made-up surname from syllables (4,096 of them), so unrelated events rarely share a name."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def make_event(rng, index):
    topic = "crime" if index % 2 == 0 else "economy"
    a1 = "%s %s" % (rng.choice(FIRST), surname(rng))
    a2 = "%s %s" % (rng.choice(FIRST), surname(rng))
    words = rng.sample(TOPIC_WORDS[topic], 6)
    return {"index": index, "topic": topic, "a1": a1, "a2": a2, "r1": rng.choice(ROLES), "r2": rng.choice(ROLES),
            "place": rng.choice(PLACES) + " " + surname(rng), "words": words, "object": rng.choice(OBJECTS),
            "day": datetime.date(2024, 1, 1) + datetime.timedelta(days=index // 4)}


def write_up(rng, ev, outlet, variant):
    verb, adj = LOADED[outlet][variant % len(LOADED[outlet])]
    w = ev["words"]
    last1, last2 = ev["a1"].split()[-1], ev["a2"].split()[-1]
    titles = ["%s %s %s %s over %s" % (last1, verb, w[0], ev["object"], w[1]),
              "%s: %s and %s clash on %s %s" % (ev["place"], last1, last2, w[0], w[1])]
    s = [
        "%s %s %s %s the %s %s %s on %s in %s." % (ev["r1"].capitalize(), ev["a1"], verb, "on Tuesday", adj,
                                                   w[0], ev["object"], w[1], ev["place"]),
        "%s, the %s, said the %s %s would affect %s and %s." % (ev["a2"], ev["r2"], w[0], ev["object"], w[2], w[3]),
        "\"We will not accept this %s,\" %s said." % (ev["object"], last1),
        "The %s %s follows months of %s over %s in %s." % (adj, ev["object"], w[4], w[5], ev["place"]),
    ]
    if ev["topic"] == "crime":  # longer write-ups: the topic-selection effect on length
        s += ["Police said the %s and the %s were linked to %s." % (w[2], w[3], w[4]),
              "%s said more %s were expected in %s." % (last2, w[5], ev["place"]),
              "The case returns to court in %s next month." % ev["place"]]
    body = s[:1] + rng.sample(s[1:], len(s) - 1) + [rng.choice(FILLER)]
    return titles[variant % 2], " ".join(body)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.events):
            ev = make_event(rng, i)
            # Topic selection: the Ledger covers crime events (and some economy), the Courier the reverse.
            outlets = []
            for outlet, own in (("Daily Ledger", "crime"), ("The Courier", "economy")):
                if rng.random() < (0.9 if ev["topic"] == own else 0.35):
                    outlets.append(outlet)
            if rng.random() < 0.5:
                outlets.append("Third Post")  # a third outlet, neutral wording
            for k, outlet in enumerate(outlets):
                style = outlet if outlet in LOADED else "The Courier"
                title, text = write_up(rng, ev, style, rng.randrange(10))
                day = ev["day"] + datetime.timedelta(days=rng.randrange(3))
                rec = {"id": "g%d-%d" % (i, k), "outlet": outlet, "date": day.isoformat(), "title": title,
                       "text": title + "\n\n" + text, "topic": ev["topic"], "true_story": "e%d" % i}
                f.write(json.dumps(rec) + "\n")
                n += 1
    print("gen_story_corpus: %d events, %d articles -> %s" % (args.events, n, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
