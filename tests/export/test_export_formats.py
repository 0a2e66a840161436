"""export_records over a real SQLite register: JSONL (schema), CSV (BOM), XLSX 台账, --since."""
import csv
import io
import json
import time
from pathlib import Path

import pytest

from xinfang_nlp.export import HEADERS, export_records
from xinfang_nlp.register.store import Store
from xinfang_nlp.review.edit import apply_form
from xinfang_nlp.review.samples import make_record

ROOT = Path(__file__).resolve().parents[2]


def confirm(store, rec, clerk="王书记员", **form):
    new, entries = apply_form(rec, form, clerk=clerk, now="2025-03-18T10:00:00+08:00", confirm=True)
    return store.save(new, expected_version=rec.version, audit_entries=entries)


@pytest.fixture
def register(tmp_path):
    db = tmp_path / "register.sqlite"
    store = Store.open(db)
    recs = [make_record(i, day="2025-03-18") for i in range(6)]
    for r in recs:
        store.save(r)
    confirm(store, store.get(recs[0].record_id))
    confirm(store, store.get(recs[1].record_id), reg_judge="孙法官", grounds=["A2", "A7"], grounds_present="1",
            reg_case_numbers="(2024)鲁0117执恢5号、看不清的案号", reg_outsiders="赵某",
            reg_petitioner_phone="0634-6221234", decision="", type="")
    confirm(store, store.get(recs[2].record_id), reg_summary="=HYPERLINK(\"x\")含公式的摘要")
    yield db, store, recs
    store.close()


def test_jsonl_follows_the_record_schema(register, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    db, store, recs = register
    schema = json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    out = tmp_path / "out.jsonl"
    assert export_records(str(db), fmt="jsonl", status="confirmed", out=out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        d = json.loads(line)
        jsonschema.validate(d, schema)
        assert d["status"] == "confirmed" and d["confirmed_by"] == "王书记员"
    by_id = {json.loads(l)["record_id"]: json.loads(l) for l in lines}
    assert by_id[recs[1].record_id]["register"]["judge"] == "孙法官"
    assert export_records(str(db), fmt="jsonl", status="all", out=out) == 6
    assert export_records(str(db), fmt="jsonl", status="suggested", out=out) == 3


def test_csv_is_utf8_with_bom_and_chinese_headers(register, tmp_path):
    db, store, recs = register
    out = tmp_path / "out.csv"
    assert export_records(str(db), fmt="csv", out=out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert rows[0][:11] == ["来访（件）时间", "案件来源", "信访人姓名", "联系电话", "案件当事人（申请执行人）",
                            "案件当事人（被执行人）", "案件当事人（案外人）", "案件承办人", "执行案号",
                            "来访（件）内容摘要", "拟办意见"]
    for col in ("受理/不予受理", "类型", "事由", "期限", "状态", "记录编号"):
        assert col in rows[0]
    body = rows[1:]
    assert len(body) == 3
    h = {name: i for i, name in enumerate(rows[0])}
    assert {r[h["状态"]] for r in body} == {"已确认"}
    row1 = next(r for r in body if r[h["记录编号"]] == recs[1].record_id)
    assert row1[h["案件承办人"]] == "孙法官"
    assert row1[h["事由"]].startswith("A2 对具备执行条件的案件拖延执行")
    assert row1[h["执行案号"]] == "（2024）鲁0117执恢5号、看不清的案号"
    assert row1[h["联系电话"]] == "06346221234" and row1[h["案件当事人（案外人）"]] == "赵某"
    assert "答复 2025-05-16" in row1[h["期限"]]
    row2 = next(r for r in body if r[h["记录编号"]] == recs[2].record_id)
    assert row2[h["来访（件）内容摘要"]].startswith("'=")          # a formula stays text


def test_xlsx_ledger_headers_and_rows(register, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    db, store, recs = register
    out = tmp_path / "台账.xlsx"
    assert export_records(str(db), fmt="xlsx", out=out) == 3
    wb = openpyxl.load_workbook(out)
    ws = wb["信访登记台账"]
    header = [c.value for c in ws[1]]
    assert header == HEADERS
    assert ws.max_row == 4
    ids = {ws.cell(row=i, column=header.index("记录编号") + 1).value for i in range(2, 5)}
    assert ids == {r.record_id for r in recs[:3]}
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_re_export_is_byte_identical(register, tmp_path, fmt):
    db, store, recs = register
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    export_records(str(db), fmt=fmt, status="all", out=a)
    time.sleep(0.01)
    export_records(str(db), fmt=fmt, status="all", out=b)
    assert a.read_bytes() == b.read_bytes()


def test_since_gives_records_changed_on_or_after_a_date(register, tmp_path):
    db, store, recs = register
    import sqlalchemy as sa
    from xinfang_nlp.register.store import records
    # make the history explicit: two confirmed records changed earlier, one today
    with store.engine.begin() as c:
        c.execute(sa.update(records).where(records.c.record_id == recs[0].record_id)
                  .values(updated_at="2025-03-10T09:00:00+08:00"))
        c.execute(sa.update(records).where(records.c.record_id == recs[1].record_id)
                  .values(updated_at="2025-03-15T23:59:59+08:00"))
    out = tmp_path / "s.jsonl"
    assert export_records(str(db), fmt="jsonl", since="2025-03-15", out=out) == 2
    got = {json.loads(l)["record_id"] for l in out.read_text(encoding="utf-8").splitlines()}
    assert got == {recs[1].record_id, recs[2].record_id}
    assert export_records(str(db), fmt="jsonl", since="2025-03-16", out=out) == 1
    assert export_records(str(db), fmt="jsonl", since="2099-01-01", out=out) == 0
    assert out.read_bytes() == b""
    with pytest.raises(ValueError):
        export_records(str(db), fmt="jsonl", since="15/03/2025", out=out)
    with pytest.raises(ValueError):
        export_records(str(db), fmt="pdf", out=out)


def test_cli_export(register, tmp_path):
    from typer.testing import CliRunner

    from xinfang_nlp.cli import app

    db, store, recs = register
    out = tmp_path / "cli.csv"
    r = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "exported 3 records" in r.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
