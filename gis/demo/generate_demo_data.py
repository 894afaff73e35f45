#!/usr/bin/env python3
"""Generates Inochi's demo data set in gis/demo: synthetic, plausible, and free to redistribute.

Everything here is made up except the municipality codes and names (public facts) and the rough
positions of town centres. Run it again to regenerate the same files (the random seed is fixed):

    python3 gis/demo/generate_demo_data.py
"""
import csv
import json
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
random.seed(20251031)  # the day the center opened applications

# The 45 municipalities of Kumamoto prefecture (総務省 全国地方公共団体コード, without the check digit).
MUNICIPALITIES = [
    ("43100", "熊本市"), ("43202", "八代市"), ("43203", "人吉市"), ("43204", "荒尾市"), ("43205", "水俣市"),
    ("43206", "玉名市"), ("43208", "山鹿市"), ("43210", "菊池市"), ("43211", "宇土市"), ("43212", "上天草市"),
    ("43213", "宇城市"), ("43214", "阿蘇市"), ("43215", "天草市"), ("43216", "合志市"), ("43348", "美里町"),
    ("43364", "玉東町"), ("43367", "南関町"), ("43368", "長洲町"), ("43369", "和水町"), ("43403", "大津町"),
    ("43404", "菊陽町"), ("43423", "南小国町"), ("43424", "小国町"), ("43425", "産山村"), ("43428", "高森町"),
    ("43432", "西原村"), ("43433", "南阿蘇村"), ("43441", "御船町"), ("43442", "嘉島町"), ("43443", "益城町"),
    ("43444", "甲佐町"), ("43447", "山都町"), ("43468", "氷川町"), ("43482", "芦北町"), ("43484", "津奈木町"),
    ("43501", "錦町"), ("43505", "多良木町"), ("43506", "湯前町"), ("43507", "水上村"), ("43510", "相良村"),
    ("43511", "五木村"), ("43512", "山江村"), ("43513", "球磨村"), ("43514", "あさぎり町"), ("43531", "苓北町"),
]
WARDS = [("43101", "中央区"), ("43102", "東区"), ("43103", "西区"), ("43104", "南区"), ("43105", "北区")]

# Approximate town centres (lon, lat) for the municipalities the demo uses.
CENTRES = {
    "43100": (130.7417, 32.8031), "43202": (130.6017, 32.5073), "43203": (130.7627, 32.2104),
    "43206": (130.5628, 32.9276), "43213": (130.6610, 32.6470), "43443": (130.8150, 32.7920),
    "43513": (130.6870, 32.2530), "43505": (130.9360, 32.2380), "43215": (130.1930, 32.4580),
}
WARD_CENTRES = {"43101": (130.7150, 32.7900), "43102": (130.7700, 32.7800), "43103": (130.6700, 32.8000),
                "43104": (130.6900, 32.7400), "43105": (130.7000, 32.8500)}

FAMILY_NAMES = [("山田", "ヤマダ"), ("田中", "タナカ"), ("中村", "ナカムラ"), ("松本", "マツモト"), ("井上", "イノウエ"),
                ("坂本", "サカモト"), ("緒方", "オガタ"), ("村上", "ムラカミ"), ("森", "モリ"), ("吉田", "ヨシダ"),
                ("西村", "ニシムラ"), ("上田", "ウエダ"), ("渡辺", "ワタナベ"), ("宮本", "ミヤモト"), ("岩下", "イワシタ")]
CHILD_NAMES = [("ひなた", "ヒナタ"), ("さくら", "サクラ"), ("陽翔", "ハルト"), ("結衣", "ユイ"), ("蓮", "レン"),
               ("湊", "ミナト"), ("紬", "ツムギ"), ("葵", "アオイ"), ("樹", "イツキ"), ("凛", "リン"),
               ("大和", "ヤマト"), ("芽依", "メイ"), ("悠真", "ユウマ"), ("心春", "コハル"), ("律", "リツ")]
GUARDIAN_NAMES = ["美咲", "健太", "由美", "大輔", "真由美", "翔太", "恵", "拓也", "彩", "誠"]
NICUS = [("熊本大学病院", True), ("熊本市民病院", True), ("福田病院", True), ("熊本赤十字病院", True),
         ("国立病院機構熊本医療センター", True), ("久留米大学病院", False)]


def write_municipalities():
    with open(HERE / "municipalities.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["code", "name", "parent_code"])
        for code, name in MUNICIPALITIES:
            writer.writerow([code, name, ""])
        for code, name in WARDS:
            writer.writerow([code, name, "43100"])


def write_users():
    users = [
        ("admin", "センター管理者（デモ）", "CENTER_ADMIN", "", ""),
        ("staff", "センター職員（デモ）", "CENTER_STAFF", "", ""),
        ("auditor", "監査担当（デモ）", "AUDITOR", "", ""),
        ("hitoyoshi", "人吉市 防災担当（デモ）", "MUNICIPAL_OFFICER", "43203", ""),
        ("kuma", "球磨村 防災担当（デモ）", "MUNICIPAL_OFFICER", "43513", ""),
        ("yatsushiro", "八代市 防災担当（デモ）", "MUNICIPAL_OFFICER", "43202", ""),
        ("kumamoto", "熊本市 危機管理防災総室（デモ）", "MUNICIPAL_OFFICER", "43100", ""),
        ("kumamoto-chuo", "熊本市 中央区（デモ）", "MUNICIPAL_OFFICER", "43100", "43101"),
        ("tamana", "玉名市 防災担当（デモ）", "MUNICIPAL_OFFICER", "43206", ""),
    ]
    with open(HERE / "users.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["username", "display_name", "role", "municipality_code", "ward_code"])
        writer.writerows(users)


def kuma_river(t):
    """A point on a smooth line standing in for the 球磨川 through 人吉 (t from 0 to 1, east to west)."""
    lon = 130.83 - 0.16 * t
    lat = 32.215 - 0.01 * math.sin(t * math.pi * 1.5) + 0.03 * t * t
    return lon, lat


def band_polygon(offset_from, offset_to, side):
    """A band along the river between two offsets (degrees), on one side (+1 north, -1 south)."""
    steps = 24
    outer, inner = [], []
    for i in range(steps + 1):
        t = i / steps
        lon, lat = kuma_river(t)
        outer.append([round(lon, 6), round(lat + side * offset_to, 6)])
        inner.append([round(lon, 6), round(lat + side * offset_from, 6)])
    ring = outer + inner[::-1] + [outer[0]]
    return ring


def write_flood_zones():
    depth_labels = {1: "0m以上0.5m未満", 2: "0.5m以上3.0m未満", 3: "3.0m以上5.0m未満", 4: "5.0m以上10.0m未満"}
    bands = [(4, 0.0, 0.0025), (3, 0.0025, 0.0050), (2, 0.0050, 0.0090), (1, 0.0090, 0.0120)]
    features = []
    for rank, near, far in bands:
        polygons = [[band_polygon(near, far, +1)], [band_polygon(near, far, -1)]] if near > 0 else \
            [[band_polygon(0.0, far, +1)], [band_polygon(0.0, far, -1)]]
        features.append({
            "type": "Feature",
            "properties": {"A31b_201": rank, "depth_rank": rank, "depth_label": depth_labels[rank],
                           "river": "球磨川（架空のデモデータ）"},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    collection = {"type": "FeatureCollection", "name": "demo_flood_A31b",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}},
                  "features": features}
    (HERE / "hazards" / "demo_flood_A31b.geojson").write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def square(lon, lat, half):
    return [[round(lon - half, 6), round(lat - half, 6)], [round(lon + half, 6), round(lat - half, 6)],
            [round(lon + half, 6), round(lat + half, 6)], [round(lon - half, 6), round(lat + half, 6)],
            [round(lon - half, 6), round(lat - half, 6)]]


def write_landslide_zones():
    lon, lat = 130.5740, 32.9380  # a hillside north-east of central 玉名 (made up)
    features = [
        {"type": "Feature", "properties": {"A33_001": 1, "A33_002": 1, "A33_004": "デモ-001", "A33_005": "デモ地区",
                                           "A33_006": "玉名市（架空）", "A33_007": "2020-03-31"},
         "geometry": {"type": "Polygon", "coordinates": [square(lon, lat, 0.0030)]}},
        {"type": "Feature", "properties": {"A33_001": 1, "A33_002": 2, "A33_004": "デモ-001", "A33_005": "デモ地区",
                                           "A33_006": "玉名市（架空）", "A33_007": "2020-03-31"},
         "geometry": {"type": "Polygon", "coordinates": [square(lon, lat, 0.0012)]}},
    ]
    collection = {"type": "FeatureCollection", "name": "demo_landslide_A33",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}},
                  "features": features}
    (HERE / "hazards" / "demo_landslide_A33.geojson").write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def write_shelters():
    shelters = [
        ("人吉市立第一中学校（デモ）", "43203", 130.7580, 32.2290, False),
        ("人吉スポーツパレス（デモ）", "43203", 130.7500, 32.2230, False),
        ("人吉支援学校（デモ・福祉避難所候補）", "43203", 130.7700, 32.2260, True),
        ("球磨村総合運動公園（デモ）", "43513", 130.6800, 32.2700, False),
        ("八代市総合体育館（デモ）", "43202", 130.6050, 32.5120, False),
        ("八代支援学校（デモ・福祉避難所候補）", "43202", 130.6150, 32.4990, True),
        ("玉名市民会館（デモ）", "43206", 130.5600, 32.9250, False),
        ("熊本市総合体育館（デモ）", "43100", 130.7350, 32.7830, False),
        ("熊本支援学校（デモ・福祉避難所候補）", "43100", 130.7600, 32.8100, True),
    ]
    features = [{"type": "Feature",
                 "properties": {"name": name, "municipality_code": code, "welfare_shelter_candidate": welfare},
                 "geometry": {"type": "Point", "coordinates": [lon, lat]}}
                for name, code, lon, lat, welfare in shelters]
    collection = {"type": "FeatureCollection", "name": "demo_shelters",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}},
                  "features": features}
    (HERE / "shelters.geojson").write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def write_households():
    placements = ([("43203", None)] * 8 + [("43513", None)] * 4 + [("43202", None)] * 4 + [("43206", None)] * 3
                  + [("43100", "43101")] * 2 + [("43100", "43102")] + [("43100", "43104")]
                  + [("43213", None), ("43443", None), ("43505", None), ("43215", None)])
    features = []
    for index, (code, ward) in enumerate(placements):
        family, family_kana = FAMILY_NAMES[index % len(FAMILY_NAMES)]
        child, child_kana = CHILD_NAMES[(index * 7) % len(CHILD_NAMES)]
        if code in ("43203", "43513") and index % 2 == 0:
            lon, lat = kuma_river(random.uniform(0.1, 0.9))  # close to the river: in the demo flood zones
            lat += random.uniform(-0.004, 0.004)
        elif code == "43206" and index % 3 == 0:
            lon, lat = 130.5740 + random.uniform(-0.001, 0.001), 32.9380 + random.uniform(-0.001, 0.001)
        else:
            base_lon, base_lat = WARD_CENTRES.get(ward) or CENTRES[code]
            lon, lat = base_lon + random.uniform(-0.02, 0.02), base_lat + random.uniform(-0.015, 0.015)
        nicu, nicu_in_kumamoto = NICUS[index % (len(NICUS) - 1)] if index != 5 else NICUS[-1]
        birth_year = 2024 + index % 2
        discharge_month = 4 + index % 8
        municipality_name = dict(MUNICIPALITIES)[code] + (dict(WARDS)[ward] if ward else "")
        guardian = GUARDIAN_NAMES[index % len(GUARDIAN_NAMES)]
        features.append({
            "type": "Feature",
            "properties": {
                "child_family_name": family, "child_given_name": child,
                "child_family_name_kana": family_kana, "child_given_name_kana": child_kana,
                "child_birth_date": f"{birth_year}-{1 + index % 12:02d}-{1 + (index * 3) % 27:02d}",
                "nicu_institution": nicu, "nicu_in_kumamoto": nicu_in_kumamoto,
                "nicu_discharge_date": f"2025-{discharge_month:02d}-{1 + index % 27:02d}",
                "ventilator_dependent": index % 6 != 4,
                "ventilator_hours_per_day": 24.0 if index % 6 != 4 else 0.0,
                "ventilator_off_minutes_per_day": [5, 10, 15, 20, 30, 0][index % 6],
                "other_care": ["気管切開", "気管切開・経管栄養", "経管栄養", "在宅酸素", "吸引", "気管切開"][index % 6],
                "address": f"熊本県{municipality_name}デモ町{index + 1}-{(index * 13) % 40 + 1}（架空）",
                "municipality_code": code, "ward_code": ward or "",
                "shares_with_municipality": index % 4 != 3,
                "email_contact_consent": True,
                "ventilator_battery_hours": [4.0, 6.0, 8.0, 3.0, 0.0, 5.0][index % 6],
                "spare_battery_count": index % 3,
                "spare_battery_hours_each": 4.0,
                "guardian_name": f"{family} {guardian}",
                "guardian_email": f"family{index + 1:02d}@demo.invalid",
                "guardian_phone": f"090-0000-{index + 1:04d}",
            },
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        })
    collection = {"type": "FeatureCollection", "name": "demo_households",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6668"}},
                  "features": features}
    (HERE / "households.geojson").write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def write_loans():
    """Devices and the families' way through the program, dated relative to the day the demo is loaded.

    Each family is named by its guardian's demo email (households.geojson). Months/days are counted back from
    the load date, so the dashboard always has plan deadlines due soon and overdue, an overdue yearly check and
    an open return, whenever the demo is started.
    """
    devices = [{"serial": f"DEMO-GEN-{n:03d}", "manufacturer": "デモ発電機製作所（架空）",
                "model": "正弦波インバーター発電機 SW-1800i（デモ）" if n % 3 else "正弦波インバーター発電機 SW-1600iL（デモ）",
                "rated_output_watts": 1800 if n % 3 else 1600, "fuel_type": "GASOLINE" if n % 3 else "LPG",
                "tank_litres": 3.6 if n % 3 else 5.0, "runtime_hours_per_tank": 8.0 if n % 3 else 6.5,
                "purchase_date": "2025-09-01", "in_repair": n == 12} for n in range(1, 15)]
    families = [
        # running loans
        {"guardian_email": "family01@demo.invalid", "story": "計画申請の期限が10日後",
         "loan_start": {"months_ago": 6, "days_later": 10}, "plan": []},
        {"guardian_email": "family02@demo.invalid", "story": "計画申請の期限を過ぎている",
         "loan_start": {"months_ago": 7, "days_later": 0}, "plan": []},
        {"guardian_email": "family03@demo.invalid", "story": "年次確認の期限を過ぎている",
         "loan_start": {"months_ago": 12, "days_later": -10}, "plan": [1, 2, 4]},
        {"guardian_email": "family07@demo.invalid", "story": "年次確認が20日後",
         "loan_start": {"months_ago": 12, "days_later": 20}, "plan": [1, 3]},
        {"guardian_email": "family09@demo.invalid", "story": "確認済み（燃料10L、試運転が不良で要対応）",
         "loan_start": {"months_ago": 9, "days_later": 0}, "plan": [2],
         "inspection": {"months_ago": 1, "fuel_litres": 10.0, "test_run_passed": False}},
        {"guardian_email": "family10@demo.invalid", "story": "貸与開始から3か月",
         "loan_start": {"months_ago": 3, "days_later": 0}, "plan": []},
        {"guardian_email": "family21@demo.invalid", "story": "熊本市の助成を活用できない（理由記録済み）・試運転で不調の発電機を交換し修理済み",
         "swap": {"days_ago": 60, "reason": "試運転でエンジンがかからない（デモ）", "repaired_days_ago": 30,
                  "repair": "キャブレター清掃（デモ）", "cost_yen": 8000},
         "subsidy_exception": "市の助成は身体障害者手帳の所持が条件で、お子さんは手帳の交付対象外のため",
         "loan_start": {"months_ago": 4, "days_later": 0}, "plan": [1]},
        {"guardian_email": "family25@demo.invalid", "story": "計画作成済み",
         "loan_start": {"months_ago": 10, "days_later": 0}, "plan": [1, 2, 3]},
        {"guardian_email": "family08@demo.invalid", "story": "返還手続中（ご家族の申し出）",
         "loan_start": {"months_ago": 8, "days_later": 0}, "plan": [1],
         "return": {"reason": "FAMILY_REQUEST", "days_ago": 5, "note": "ご家族が自費で同型機を購入"}},
        # an ended loan: its device came back in good order and is lent again
        {"guardian_email": "family12@demo.invalid", "story": "返還済み・貸与終了（ご家族の申し出）",
         "loan_start": {"months_ago": 11, "days_later": 0}, "plan": [1, 2],
         "return": {"reason": "FAMILY_REQUEST", "days_ago": 45, "note": "ご家族が自費で蓄電池を購入"},
         "ended": {"days_ago": 30}},
        # applications, one in each state
        {"guardian_email": "family13@demo.invalid", "story": "装置割当済み・引渡し待ち",
         "subsidy_exception": "市の助成は住民税非課税世帯が対象で、対象外のため活用できない",
         "program": "APPROVED", "loan_application": "DEVICE_ASSIGNED", "received_days_ago": 20},
        {"guardian_email": "family19@demo.invalid", "story": "貸与申請の審査中",
         "program": "APPROVED", "loan_application": "UNDER_REVIEW", "received_days_ago": 15},
        {"guardian_email": "family04@demo.invalid", "story": "事業利用申請の審査中",
         "program": "UNDER_REVIEW", "received_days_ago": 7},
        {"guardian_email": "family18@demo.invalid", "story": "追加情報の依頼中",
         "program": "INFORMATION_REQUESTED", "received_days_ago": 12,
         "information_request": "NICU退院時のサマリーの写しをお送りください"},
        {"guardian_email": "family14@demo.invalid", "story": "八代市の助成制度あり（理由の記録待ち）",
         "program": "RECEIVED", "received_days_ago": 2},
        {"guardian_email": "family05@demo.invalid", "story": "人工呼吸器から離脱済み（要件外）",
         "program": "RECEIVED", "received_days_ago": 3},
        {"guardian_email": "family06@demo.invalid", "story": "県外のNICUを退院（却下）",
         "program": "REJECTED", "received_days_ago": 25,
         "rejection": "NICUが熊本県外の医療機関のため、事業の対象外です"},
        {"guardian_email": "family15@demo.invalid", "story": "貸与申請を受付",
         "subsidy_exception": "市の助成は住民税非課税世帯が対象で、対象外のため活用できない",
         "program": "APPROVED", "loan_application": "RECEIVED", "received_days_ago": 4},
        {"guardian_email": "family16@demo.invalid", "story": "貸与申請で追加情報の依頼中",
         "subsidy_exception": "市の助成は住民税非課税世帯が対象で、対象外のため活用できない",
         "program": "APPROVED", "loan_application": "INFORMATION_REQUESTED", "received_days_ago": 18,
         "information_request": "停電時に使う医療機器の消費電力をお知らせください"},
        {"guardian_email": "family20@demo.invalid", "story": "貸与決定・装置の割当待ち",
         "subsidy_exception": "市の助成は身体障害者手帳の所持が条件で、お子さんは手帳の交付対象外のため",
         "program": "APPROVED", "loan_application": "APPROVED", "received_days_ago": 10},
        {"guardian_email": "family22@demo.invalid", "story": "貸与申請を却下（同型機を所有）",
         "subsidy_exception": "市の助成は身体障害者手帳の所持が条件で、お子さんは手帳の交付対象外のため",
         "program": "APPROVED", "loan_application": "REJECTED", "received_days_ago": 30,
         "rejection": "ご家庭で同等の発電機を所有しているため、貸与の対象外です"},
        {"guardian_email": "family26@demo.invalid", "story": "貸与申請の取下げ",
         "program": "APPROVED", "loan_application": "WITHDRAWN", "received_days_ago": 22,
         "withdrawal": "ご家族から取下げの申し出（親族から発電機を譲り受けた）"},
        {"guardian_email": "family11@demo.invalid", "story": "事業利用申請の取下げ",
         "program": "WITHDRAWN", "received_days_ago": 9,
         "withdrawal": "ご家族から取下げの申し出（人工呼吸器から離脱したため）"},
    ]
    document = {"note": "架空のデモデータ。日付は読み込んだ日から数えます。", "devices": devices, "families": families}
    (HERE / "loans.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    write_municipalities()
    write_users()
    write_flood_zones()
    write_landslide_zones()
    write_shelters()
    write_households()
    write_loans()
    print("demo data written to", HERE)
