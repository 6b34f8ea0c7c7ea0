#!/usr/bin/env python3
"""Differential test: veche-hub recount against recount_reference.py.

Writes random valid bundles of every rule set (shares, joint ownership, owners
of several premises, decimal commas, quoted fields, BOM and CRLF) and checks
that both recounts print the same result. Usage:
    differential_test.py VECHE_HUB [BUNDLES]
"""
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from recount_reference import recount  # noqa: E402

RULES = ["oss-mkd", "oss-mkd", "oss-mkd", "tos-meeting", "tos-conference", "snt", "skhod", "poll"]
THRESHOLDS = ["participants_majority", "participants_two_thirds", "all_majority", "all_two_thirds",
              "all_unanimous"]
CHOICES = ["for", "against", "abstain", "invalid"]
SHARE_SPLITS = [["1"], ["1/2", "1/2"], ["1/3", "2/3"], ["1/4", "1/4", "1/2"], ["1/2"], ["2/5", "3/5"]]


def write_csv(path, header, records, rng):
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if rng.random() < 0.2 else csv.QUOTE_MINIMAL
    writer = csv.writer(out, lineterminator="\r\n" if rng.random() < 0.3 else "\n", quoting=quoting)
    writer.writerow(header)
    writer.writerows(records)
    bom = "\ufeff" if rng.random() < 0.2 else ""
    path.write_text(bom + out.getvalue(), encoding="utf-8", newline="")


def registry_records(rng):
    records, owners = [], []
    for p in range(1, rng.randint(2, 60)):
        area = f"{rng.randint(1, 20000) / 100:.2f}"
        if rng.random() < 0.3:
            area = area.replace(".", ",")
        kind = "nonresidential" if rng.random() < 0.1 else "residential"
        if rng.random() < 0.2:  # joint owners
            for k in range(rng.randint(2, 3)):
                owner = f"p{p}j{k}"
                owners.append(owner)
                records.append([str(p), kind, area, owner, f"Совладелец {k}, \"{p}\"", "1", "ЕГРН\nстрока 2", f"J{p}"])
            continue
        for share in rng.choice(SHARE_SPLITS):
            owner = rng.choice(owners) if owners and rng.random() < 0.15 else f"o{p}_{share}"
            if any(r[0] == str(p) and r[3] == owner for r in records):
                owner = f"o{p}_{share}_{len(records)}"
            if owner not in owners:
                owners.append(owner)
            name = next((r[4] for r in records if r[3] == owner), f"Собственник {owner}")
            records.append([str(p), kind, area, owner, name, share, "выписка", ""])
    return records, owners


def make_bundle(directory, rng):
    rules = rng.choice(RULES)
    items = [{"id": str(i), "title": f"Вопрос {i}", "threshold": rng.choice(THRESHOLDS)}
             for i in range(1, rng.randint(2, 7))]
    (directory / "agenda.json").write_text(json.dumps({"rules": rules, "items": items}, ensure_ascii=False),
                                           encoding="utf-8")
    if rules == "oss-mkd":
        records, voters = registry_records(rng)
        write_csv(directory / "registry.csv",
                  ["premises", "kind", "area", "owner_id", "owner", "share", "document", "joint"], records, rng)
    else:
        voters = [f"m{i}" for i in range(rng.randint(1, 40))]
        write_csv(directory / "members.csv", ["member_id", "name"], [[v, "Житель"] for v in voters], rng)
    turnout = rng.random()
    ballots = [[v, item["id"], rng.choice(CHOICES)]
               for v in voters if rng.random() < turnout
               for item in items if rng.random() < 0.9]
    rng.shuffle(ballots)
    write_csv(directory / "ballots.csv", ["voter_id", "item", "choice"], ballots, rng)


def main():
    hub = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    failures = 0
    for seed in range(count):
        rng = random.Random(seed)
        with tempfile.TemporaryDirectory() as tmp:
            bundle = Path(tmp)
            make_bundle(bundle, rng)
            run = subprocess.run([hub, "recount", str(bundle)], capture_output=True, text=True)
            expected = recount(bundle)
            if run.returncode != 0 or json.loads(run.stdout) != expected:
                failures += 1
                print(f"seed {seed}: exit {run.returncode}\n{run.stderr}\nexpected {json.dumps(expected, ensure_ascii=False)}\n"
                      f"got {run.stdout}")
    print(f"{count - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
