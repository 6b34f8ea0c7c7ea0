#!/usr/bin/env python3
"""An independent reference recount, for differential tests of veche-hub recount.

It follows the rules of docs/bundle-format.md with Python's exact fractions and
shares no code with the C++ tally. It expects a valid bundle: it does not
validate. Usage: recount_reference.py DIR  (prints the result JSON).
"""
import csv
import json
import sys
from fractions import Fraction
from pathlib import Path

QUORUM = {
    "oss-mkd": lambda part, total: part > total / 2,
    "snt": lambda part, total: part > total / 2,
    "skhod": lambda part, total: part > total / 2,
    "tos-meeting": lambda part, total: part >= total / 3,
    "tos-conference": lambda part, total: part >= total * 2 / 3,
    "poll": lambda part, total: True,
}

THRESHOLD = {
    "participants_majority": lambda f, part, total: f > part / 2,
    "participants_two_thirds": lambda f, part, total: part > 0 and f >= part * 2 / 3,
    "all_majority": lambda f, part, total: f > total / 2,
    "all_two_thirds": lambda f, part, total: total > 0 and f >= total * 2 / 3,
    "all_unanimous": lambda f, part, total: total > 0 and f == total,
}


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f)]


def decimal2(value):
    """Rounded half away from zero to 2 places, in integers only."""
    sign = "-" if value < 0 else ""
    units, remainder = divmod(abs(value.numerator) * 100, value.denominator)
    if 2 * remainder >= value.denominator:
        units += 1
    if units == 0:
        sign = ""
    return f"{sign}{units // 100}.{units % 100:02d}"


def voting_units(bundle, rules):
    """[(weight, [voter ids])] and the total votes."""
    if rules != "oss-mkd":
        members = [r["member_id"] for r in rows(bundle / "members.csv")]
        return [(Fraction(1), [m]) for m in members], Fraction(len(members))
    areas, groups = {}, {}
    for r in rows(bundle / "registry.csv"):
        area = Fraction(r["area"].replace(",", "."))
        areas[r["premises"]] = area
        key = (r["premises"], "joint", r["joint"]) if r["joint"] else (r["premises"], "sole", r["owner_id"])
        weight = area * Fraction(r["share"])
        groups.setdefault(key, (weight, []))[1].append(r["owner_id"])
    return list(groups.values()), sum(areas.values(), Fraction(0))


def recount(bundle):
    agenda = json.loads((bundle / "agenda.json").read_text(encoding="utf-8"))
    rules = agenda["rules"]
    items = [i["id"] for i in agenda["items"]]
    units, total = voting_units(bundle, rules)
    answers = {}
    for r in rows(bundle / "ballots.csv"):
        answers.setdefault(r["voter_id"], {})[r["item"]] = r["choice"]
    participating = Fraction(0)
    sums = {i: {"for": Fraction(0), "against": Fraction(0), "abstain": Fraction(0), "invalid": Fraction(0)}
            for i in items}
    for weight, voters in units:
        present = [v for v in voters if v in answers]
        if not present:
            continue
        participating += weight
        for i in items:
            cast = {answers[v].get(i, "invalid") for v in present}
            sums[i][cast.pop() if len(cast) == 1 else "invalid"] += weight
    quorum = QUORUM[rules](participating, total)
    result_items = []
    for item in agenda["items"]:
        s = sums[item["id"]]
        f = s["for"]
        result_items.append({
            "id": item["id"],
            "for": decimal2(f), "against": decimal2(s["against"]),
            "abstain": decimal2(s["abstain"]), "invalid": decimal2(s["invalid"]),
            "for_percent_of_total": decimal2(f * 100 / total) if total else "0.00",
            "for_percent_of_participating": decimal2(f * 100 / participating) if participating else "0.00",
            "adopted": quorum and THRESHOLD[item["threshold"]](f, participating, total),
        })
    return {"rules": rules, "total": decimal2(total), "participating": decimal2(participating),
            "quorum": quorum, "consultative": rules == "poll", "items": result_items}


def layout(result):
    """The result laid out as veche-hub prints it: one line per agenda item."""
    dump = lambda v: json.dumps(v, ensure_ascii=False)
    head = [f'  "{k}": {dump(result[k])},' for k in ("rules", "total", "participating", "quorum", "consultative")]
    items = ",\n".join("    {" + ", ".join(f'"{k}": {dump(v)}' for k, v in i.items()) + "}" for i in result["items"])
    return "{\n" + "\n".join(head) + '\n  "items": [\n' + items + "\n  ]\n}\n"


if __name__ == "__main__":
    sys.stdout.write(layout(recount(Path(sys.argv[1]))))
