"""Benchmark of the matching engine on a synthetic national directory.

    .venv/bin/python bench/matching.py --orgs 100000

Generates N organisations over all gminas of the TERC file (sector mix,
1-8 offers and 1-8 needs each, Polish descriptions), builds the index and
prints: build time, top-10 for every organisation, single-organisation
latency (p50/p95), incremental update time, free-text search latency, and
the share of planted complementary pairs found in the top 3.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mosty.matching.engine import Item, MatchIndex, read_gmina_codes  # noqa: E402
from mosty.matching.engine.synthetic import describe, make_directory, plant_pairs  # noqa: E402

DEFAULT_TERC = "/work/shared/data/teryt/TERC.csv"
FALLBACK_TERC = ROOT / "mosty" / "directory" / "data" / "TERC.csv"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(seconds: list[float]) -> str:
    return (f"p50 {pct(seconds, 50) * 1000:.1f} ms, p95 {pct(seconds, 95) * 1000:.1f} ms, "
            f"max {max(seconds) * 1000:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orgs", type=int, default=100_000)
    ap.add_argument("--teryt", default=None, help=f"TERC.csv (default {DEFAULT_TERC})")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--radius", default="voivodeship")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--samples", type=int, default=300, help="single-org queries to time")
    ap.add_argument("--planted", type=int, default=50, help="complementary pairs to plant")
    args = ap.parse_args()

    path = args.teryt or (DEFAULT_TERC if os.path.exists(DEFAULT_TERC) else str(FALLBACK_TERC))
    gminas = read_gmina_codes(path)
    print(f"TERC: {path} ({len(gminas)} gminas)")

    t = time.perf_counter()
    n_random = max(args.orgs - 2 * args.planted, 0)
    orgs = make_directory(n_random, gminas, seed=args.seed)
    pairs = plant_pairs(random.Random(args.seed).sample(gminas, min(len(gminas), args.planted)),
                        args.planted, first_id=10_000_000)
    orgs += [o for pair in pairs for o in pair]
    n_items = sum(len(o.items) for o in orgs)
    print(f"generated {len(orgs)} orgs, {n_items} items in "
          f"{len({o.teryt for o in orgs})} gminas: {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    index = MatchIndex(orgs)
    print(f"index build: {time.perf_counter() - t:.2f} s "
          f"(vocabulary {len(index.encoder.vocab)} terms, "
          f"{index.store.need_text.nnz + index.store.offer_text.nnz} sparse entries)")

    t = time.perf_counter()
    batch = index.recommend_all(limit=args.limit, radius=args.radius, workers=args.workers)
    total = time.perf_counter() - t
    found = int((batch.partner_ids[:, 0] >= 0).sum())
    print(f"top-{args.limit} for every org (radius={args.radius}, workers={args.workers}): "
          f"{total:.2f} s total, {total / len(orgs) * 1e6:.0f} us/org; "
          f"{found} orgs have at least one partner")

    rng = random.Random(args.seed + 1)
    sample = rng.sample([o.id for o in orgs], min(args.samples, len(orgs)))
    index.candidates(sample[0])  # warm-up
    times, times_rec = [], []
    mismatches = 0
    for oid in sample:
        t = time.perf_counter()
        cands = index.candidates(oid, limit=args.limit, radius=args.radius)
        times.append(time.perf_counter() - t)
        if [c.org_id for c in cands] != [c.org_id for c in batch.for_org(oid)]:
            mismatches += 1
    for oid in sample[:100]:
        t = time.perf_counter()
        index.recommend(oid, limit=args.limit, radius=args.radius)
        times_rec.append(time.perf_counter() - t)
    print(f"one org, top-{args.limit} without reasons: {ms(times)} "
          f"(batch/single disagreements: {mismatches}/{len(sample)})")
    print(f"one org, top-{args.limit} with reasons:    {ms(times_rec)}")
    country = []
    for oid in sample[:50]:
        t = time.perf_counter()
        index.candidates(oid, limit=args.limit, radius="country")
        country.append(time.perf_counter() - t)
    print(f"one org, radius=country:           {ms(country)}")

    hits = sum(b.id in [c.org_id for c in batch.for_org(a.id)[:3]]
               and a.id in [c.org_id for c in batch.for_org(b.id)[:3]] for a, b in pairs)
    print(f"planted pairs found in each other's top 3: {hits}/{len(pairs)}")

    queries = ["szukamy wolontariuszy do pomocy przy festynie", "potrzebna sala na zebranie",
               "bus do przewozu seniorów", "szkolenie z pisania wniosków",
               "nagłośnienie na koncert"]
    st = []
    for i in range(50):
        org = orgs[rng.randrange(len(orgs))]
        t = time.perf_counter()
        index.search_text(queries[i % len(queries)], teryt=org.teryt, radius="voivodeship")
        st.append(time.perf_counter() - t)
    st_country = []
    for i in range(20):
        t = time.perf_counter()
        index.search_text(queries[i % len(queries)])
        st_country.append(time.perf_counter() - t)
    print(f"free-text search in a voivodeship: {ms(st)}; whole country: {ms(st_country)}")

    upd, ins, rem = [], [], []
    for oid in sample[:30]:
        org = index.get(oid)
        new_items = org.items + (Item("offer", "equipment", describe(rng, "offer", "equipment")),)
        t = time.perf_counter()
        index.upsert(dataclasses.replace(org, items=new_items))
        upd.append(time.perf_counter() - t)
    for i in range(10):
        code = gminas[rng.randrange(len(gminas))][0]
        new = dataclasses.replace(index.get(sample[i]), id=20_000_000 + i, teryt=code)
        t = time.perf_counter()
        index.upsert(new)
        ins.append(time.perf_counter() - t)
        t = time.perf_counter()
        index.remove(new.id)
        rem.append(time.perf_counter() - t)
    print(f"incremental update, replace one org's items: {ms(upd)}")
    print(f"incremental update, insert new org: {ms(ins)}; remove org: {ms(rem)}")
    t = time.perf_counter()
    index.rebuild()
    print(f"full rebuild (fresh IDF): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
