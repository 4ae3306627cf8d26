#!/usr/bin/env python3
"""Recall of Reuters' own country tags among the countries `newsdex extract` finds.

Reuters-21578 wires carry `places` tags (usa, uk, west-germany, ussr, ...). For every tag that
names a country, this checks whether the extract output for the same wire lists that country,
and prints the recall and the tags missed most often. Tags that name no country are ignored.

Usage:
  newsdex extract CORPUS > extract.jsonl
  places_recall.py REUTERS.jsonl extract.jsonl [--min 0.97] [--top 15] [--skip usa,...]

Exit status 1 when recall is below --min. Python 3 standard library only.
"""
import argparse
import json
import os
import sys
from collections import Counter

# Reuters place slug -> ISO 3166-1 alpha-2. Historical states map to today's code, as the
# annotation guide asks (West Germany -> DE, USSR -> RU, Zaire -> CD, Burma -> MM).
PLACES = {
    "afghanistan": "AF", "albania": "AL", "algeria": "DZ", "american-samoa": "AS",
    "andorra": "AD", "angola": "AO", "anguilla": "AI", "antigua": "AG", "argentina": "AR",
    "aruba": "AW", "australia": "AU", "austria": "AT", "bahamas": "BS", "bahrain": "BH",
    "bangladesh": "BD", "barbados": "BB", "belgium": "BE", "belize": "BZ", "benin": "BJ",
    "bermuda": "BM", "bhutan": "BT", "bolivia": "BO", "botswana": "BW", "brazil": "BR",
    "british-virgin-islands": "VG", "brunei": "BN", "bulgaria": "BG", "burkina-faso": "BF",
    "burma": "MM", "burundi": "BI", "cameroon": "CM", "canada": "CA", "cape-verde": "CV",
    "cayman-islands": "KY", "central-african-republic": "CF", "chad": "TD", "chile": "CL",
    "china": "CN", "colombia": "CO", "comoros": "KM", "congo": "CG", "costa-rica": "CR",
    "cuba": "CU", "cyprus": "CY", "czechoslovakia": "CZ", "denmark": "DK", "djibouti": "DJ",
    "dominica": "DM", "dominican-republic": "DO", "east-germany": "DE", "ecuador": "EC",
    "egypt": "EG", "el-salvador": "SV", "equatorial-guinea": "GQ", "ethiopia": "ET",
    "falkland-islands": "FK", "fiji": "FJ", "finland": "FI", "france": "FR",
    "french-guiana": "GF", "gabon": "GA", "gambia": "GM", "ghana": "GH", "gibraltar": "GI",
    "greece": "GR", "grenada": "GD", "guadeloupe": "GP", "guam": "GU", "guatemala": "GT",
    "guinea": "GN", "guinea-bissau": "GW", "guyana": "GY", "haiti": "HT", "honduras": "HN",
    "hong-kong": "HK", "hungary": "HU", "iceland": "IS", "india": "IN", "indonesia": "ID",
    "iran": "IR", "iraq": "IQ", "ireland": "IE", "israel": "IL", "italy": "IT",
    "ivory-coast": "CI", "jamaica": "JM", "japan": "JP", "jordan": "JO", "kampuchea": "KH",
    "kenya": "KE", "kiribati": "KI", "kuwait": "KW", "laos": "LA", "lebanon": "LB",
    "lesotho": "LS", "liberia": "LR", "libya": "LY", "liechtenstein": "LI",
    "luxembourg": "LU", "macau": "MO", "madagascar": "MG", "malawi": "MW", "malaysia": "MY",
    "maldives": "MV", "mali": "ML", "malta": "MT", "martinique": "MQ", "mauritania": "MR",
    "mauritius": "MU", "mexico": "MX", "monaco": "MC", "mongolia": "MN", "morocco": "MA",
    "mozambique": "MZ", "namibia": "NA", "nauru": "NR", "nepal": "NP", "netherlands": "NL",
    "netherlands-antilles": "CW", "new-caledonia": "NC", "new-zealand": "NZ",
    "nicaragua": "NI", "niger": "NE", "nigeria": "NG", "north-korea": "KP", "norway": "NO",
    "oman": "OM", "pakistan": "PK", "panama": "PA", "papua-new-guinea": "PG",
    "paraguay": "PY", "peru": "PE", "philippines": "PH", "poland": "PL", "portugal": "PT",
    "puerto-rico": "PR", "qatar": "QA", "reunion": "RE", "romania": "RO", "rwanda": "RW",
    "saudi-arabia": "SA", "senegal": "SN", "seychelles": "SC", "sierra-leone": "SL",
    "singapore": "SG", "solomon-islands": "SB", "somalia": "SO", "south-africa": "ZA",
    "south-korea": "KR", "spain": "ES", "sri-lanka": "LK", "st-kitts-nevis": "KN",
    "st-lucia": "LC", "st-vincent": "VC", "sudan": "SD", "suriname": "SR",
    "swaziland": "SZ", "sweden": "SE", "switzerland": "CH", "syria": "SY", "taiwan": "TW",
    "tanzania": "TZ", "thailand": "TH", "togo": "TG", "tonga": "TO",
    "trinidad-tobago": "TT", "tunisia": "TN", "turkey": "TR", "uae": "AE", "uganda": "UG",
    "uk": "GB", "uruguay": "UY", "us-virgin-islands": "VI", "usa": "US", "ussr": "RU",
    "vanuatu": "VU", "vatican": "VA", "venezuela": "VE", "vietnam": "VN",
    "west-germany": "DE", "western-samoa": "WS", "yemen-arab-republic": "YE",
    "yemen-demo-republic": "YE", "yugoslavia": "RS", "zaire": "CD", "zambia": "ZM",
    "zimbabwe": "ZW",
}


def codes(line):
    out = set()
    for c in line.get("countries", []) or []:
        code = c.get("code") if isinstance(c, dict) else c
        if code:
            out.add(str(code).upper())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reuters", help="the Reuters-21578 JSON Lines file (for its places tags)")
    ap.add_argument("extract", help="newsdex extract output that covers it")
    ap.add_argument("--min", type=float, default=None, help="exit 1 below this recall")
    ap.add_argument("--top", type=int, default=15, help="how many missed tags to list")
    ap.add_argument("--skip", default="", help="comma-separated tags to leave out of the count")
    a = ap.parse_args()
    skip = {s for s in a.skip.split(",") if s}

    name = os.path.basename(a.reuters)
    found = {}
    with open(a.extract, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if not raw:
                continue
            try:
                line = json.loads(raw)
            except json.JSONDecodeError as e:
                sys.exit(f"{a.extract}:{n}: not JSON: {e}")
            path = str(line.get("path", ""))
            base, _, rec = path.rpartition("#")
            if os.path.basename(base) == name:
                found[rec] = codes(line)
    if not found:
        sys.exit(f"{a.extract}: no lines for {name}")

    tags = hits = 0
    missed, ignored, total = Counter(), Counter(), Counter()
    with open(a.reuters, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if not raw:
                continue
            try:
                wire = json.loads(raw)
            except json.JSONDecodeError as e:
                sys.exit(f"{a.reuters}:{n}: not JSON: {e}")
            rec = str(wire.get("id", f"L{n}"))
            got = found.get(rec, set())
            for place in wire.get("places", []) or []:
                code = PLACES.get(place)
                if code is None:
                    ignored[place] += 1
                    continue
                if place in skip:
                    continue
                tags += 1
                total[place] += 1
                if code in got:
                    hits += 1
                else:
                    missed[place] += 1

    recall = hits / tags if tags else 0.0
    print(f"country tags {tags}, found {hits}, recall {recall:.4f}")
    if ignored:
        print("ignored (not countries): " + ", ".join(f"{t} {n}" for t, n in ignored.most_common()))
    print("most missed:")
    for place, n in missed.most_common(a.top):
        print(f"  {place:<20} {n:>5} of {total[place]:>5} missed")
    if a.min is not None and recall < a.min:
        print(f"below threshold: recall {recall:.4f} < {a.min}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
