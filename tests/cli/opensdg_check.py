#!/usr/bin/env python3
"""opensdg_check.py DIR: check an Open SDG export against sdg-build's
documented input format, since sdg-build itself (Python, from pip) cannot be
installed here. The rules are those of sdg-build's own checkers
(sdg/check_csv.py, sdg/check_metadata.py) and of Open SDG's data format:

data/indicator_G-T-I.csv
  - first column Year (whole numbers), last column Value (numbers only);
  - no leading or trailing whitespace in column names or cells; no empty row;
  - every column other than Year, Units, Series, GeoCode and Value is a
    disaggregation: a headline row has them all empty, and there is at most
    one headline row per year (and Units/Series); a row with a GeoCode is
    never a headline (GeoCode is no disaggregation for sdg-build);
meta/G-T-I.yml
  - reporting_status one of notstarted, inprogress, complete; published
    present; data_non_statistical present when complete; graph_title and
    graph_type (line or bar) when complete, published and statistical;
  - indicator_number equal to the file's id with dots, three parts;
    indicator_name not empty; data_show_map a boolean;
geojson/*.geojson (when present)
  - a FeatureCollection whose features have a geometry and the properties
    geocode and name, each geocode a GeoCode of the data.
Prints each problem; exit 1 when any."""
import csv
import json
import os
import re
import sys

SPECIAL = {"Year", "Units", "Series", "GeoCode", "Value"}
ID = re.compile(r"^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$")
problems = []


def bad(where, why):
    problems.append(f"{where}: {why}")


def load_yaml(path):
    try:
        import yaml  # python3-yaml, when installed
        with open(path, encoding="utf-8") as f:
            return next(yaml.safe_load_all(f))
    except ImportError:
        meta = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                key, _, value = line.partition(":")
                value = value.strip()
                meta[key.strip()] = json.loads(value) if value[:1] in '"tf0123456789-[{n' else value
        return meta


def check_data(path, geocodes):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        bad(path, "empty file")
        return False
    head = rows[0]
    if head[0] != "Year":
        bad(path, 'first column not called "Year"')
    if head[-1] != "Value":
        bad(path, f'last column not called "Value" but {head[-1]!r}')
    for h in head:
        if h != h.strip():
            bad(path, f"column name with whitespace: {h!r}")
    disagg = [i for i, h in enumerate(head) if h not in SPECIAL]
    geo = head.index("GeoCode") if "GeoCode" in head else None
    key = [i for i, h in enumerate(head) if h in ("Units", "Series")]
    headlines = {}
    for n, r in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in r):
            bad(path, f"line {n}: empty row")
            continue
        if len(r) != len(head):
            bad(path, f"line {n}: {len(r)} cells for {len(head)} columns")
            continue
        for c in r:
            if c != c.strip():
                bad(path, f"line {n}: whitespace around {c!r}")
        if not re.fullmatch(r"[0-9]{4}", r[0]):
            bad(path, f"line {n}: Year {r[0]!r} is not a year")
        try:
            float(r[-1])
        except ValueError:
            bad(path, f"line {n}: Value {r[-1]!r} is not a number")
        headline = all(not r[i] for i in disagg)
        if geo is not None and r[geo]:
            geocodes.add(r[geo])
            if headline:
                bad(path, f"line {n}: a GeoCode row counts as the headline (no disaggregation)")
        if headline:
            k = (r[0],) + tuple(r[i] for i in key)
            if k in headlines:
                bad(path, f"line {n}: a second headline row for {k} (first on line {headlines[k]})")
            headlines[k] = n
    return len(rows) > 1


def check_meta(path, ident, has_data):
    meta = load_yaml(path)
    for req in ("reporting_status", "published"):
        if req not in meta:
            bad(path, f"{req} missing")
    status = meta.get("reporting_status")
    if status not in ("notstarted", "inprogress", "complete"):
        bad(path, f"invalid reporting_status {status!r}")
    if status == "complete" and "data_non_statistical" not in meta:
        bad(path, "data_non_statistical missing for a complete indicator")
    if status == "complete" and meta.get("published") and not meta.get("data_non_statistical"):
        if "graph_title" not in meta:
            bad(path, "graph_title missing")
        if meta.get("graph_type") not in ("line", "bar"):
            bad(path, f"invalid graph_type {meta.get('graph_type')!r}")
    if str(meta.get("indicator_number")) != ident.replace("-", "."):
        bad(path, f"indicator_number {meta.get('indicator_number')!r} is not {ident.replace('-', '.')}")
    if not meta.get("indicator_name"):
        bad(path, "indicator_name missing")
    if not isinstance(meta.get("data_show_map"), bool):
        bad(path, "data_show_map is not true or false")
    if has_data != (status == "complete"):
        bad(path, f"reporting_status {status} but {'some' if has_data else 'no'} data")


def main(root):
    data = os.path.join(root, "data")
    meta = os.path.join(root, "meta")
    geocodes = set()
    files = sorted(os.listdir(data)) if os.path.isdir(data) else []
    if not files:
        bad(root, "no data/indicator_*.csv")
    for name in files:
        m = re.fullmatch(r"indicator_(.+)\.csv", name)
        if not m or not ID.fullmatch(m.group(1)):
            bad(os.path.join(data, name), "not named indicator_G-T-I.csv")
            continue
        has_data = check_data(os.path.join(data, name), geocodes)
        mp = os.path.join(meta, m.group(1) + ".yml")
        if not os.path.exists(mp):
            bad(mp, "missing")
        else:
            check_meta(mp, m.group(1), has_data)
    gj = os.path.join(root, "geojson")
    for name in sorted(os.listdir(gj)) if os.path.isdir(gj) else []:
        path = os.path.join(gj, name)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if doc.get("type") != "FeatureCollection" or not doc.get("features"):
            bad(path, "not a FeatureCollection with features")
            continue
        for i, ft in enumerate(doc["features"]):
            p = ft.get("properties") or {}
            if not ft.get("geometry") or not p.get("geocode") or not p.get("name"):
                bad(path, f"feature {i}: needs a geometry and the properties geocode and name")
            elif geocodes and p["geocode"] not in geocodes:
                bad(path, f"feature {i}: geocode {p['geocode']!r} is in no data file")
    for p in problems:
        print(p)
    print(f"opensdg_check: {len(files)} data files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
