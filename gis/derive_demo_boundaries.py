#!/usr/bin/env python3
"""Derives the demo's municipal and ward boundaries (gis/demo/boundaries.geojson) from the shared N03 file.

The source is ../shared/geodata/kumamoto_admin_n03_2021_simplified1pct_smri.geojson (49 areas: 44 municipalities and
熊本市's 5 wards, already simplified to 1 %). The derivative keeps the N03 fields the importer reads (N03_001..N03_007),
rounds coordinates to 5 decimals (about 1 m, far finer than the 1 % simplification) and carries the credit line.
It is the one piece of the shared geodata that the repository may hold (shared/geodata/ATTRIBUTION.md).

    python3 gis/derive_demo_boundaries.py [source] [target]
"""
import json
import sys
from pathlib import Path

CREDIT = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "geodata" / "kumamoto_admin_n03_2021_simplified1pct_smri.geojson"
TARGET = HERE / "demo" / "boundaries.geojson"
FIELDS = ("N03_001", "N03_002", "N03_003", "N03_004", "N03_007")


def rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 5), round(coordinates[1], 5)]
    return [rounded(part) for part in coordinates]


def without_repeats(ring):
    # rounding can make neighbouring vertices equal; a ring keeps its closing vertex
    kept = [ring[0]]
    for point in ring[1:]:
        if point != kept[-1]:
            kept.append(point)
    return kept if len(kept) >= 4 else ring


def cleaned(geometry):
    coordinates = rounded(geometry["coordinates"])
    if geometry["type"] == "Polygon":
        coordinates = [without_repeats(ring) for ring in coordinates]
    elif geometry["type"] == "MultiPolygon":
        coordinates = [[without_repeats(ring) for ring in polygon] for polygon in coordinates]
    return {"type": geometry["type"], "coordinates": coordinates}


def main(source: Path, target: Path) -> None:
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for feature in sorted(data["features"], key=lambda f: f["properties"]["N03_007"]):
        properties = {field: feature["properties"].get(field) for field in FIELDS}
        features.append({"type": "Feature", "properties": properties, "geometry": cleaned(feature["geometry"])})
    if len(features) != 49:
        sys.exit(f"expected 49 areas (44 municipalities and 5 wards), found {len(features)}")
    derived = {"type": "FeatureCollection", "name": "kumamoto_municipal_and_ward_boundaries", "credit": CREDIT,
               "features": features}
    target.write_text(json.dumps(derived, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    target.with_name(target.name + ".credit.txt").write_text(
        CREDIT + "\n出典: " + source.name + "（1% 簡略化, smartnews-smri/japan-topography）を gis/derive_demo_boundaries.py で加工\n",
        encoding="utf-8")
    print(f"{target}: {len(features)} areas, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE, Path(sys.argv[2]) if len(sys.argv) > 2 else TARGET)
