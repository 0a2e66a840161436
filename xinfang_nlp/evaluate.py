"""``xinfang evaluate``: figures on the gold test split, as text and JSON.

Classification: per-label precision/recall/F1, micro and macro F1 over the 15 grounds, decision and
type accuracy, confusion matrices, expected calibration error, speed. Extraction: the register
fields (``analyse.evaluate_fields``). ``--split ocr`` runs the same on OCR-damaged gold variants.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Optional

import numpy as np

from . import corpus
from .settings import load_settings
from .types import GROUNDS


def ece(probs: list[float], correct: list[bool], bins: int = 10) -> float:
    """Expected calibration error: |accuracy − confidence| averaged over equal-width bins."""
    p = np.asarray(probs, dtype=float)
    c = np.asarray(correct, dtype=float)
    if len(p) == 0:
        return float("nan")
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() / len(p) * abs(c[m].mean() - p[m].mean())
    return float(total)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": tp + fn}


def evaluate_classifier(letters: list[dict], models_dir: Optional[Path] = None) -> dict[str, Any]:
    from .analyse import Analyzer
    from .classify import Classifier
    settings = load_settings()
    t0 = time.perf_counter()
    clf = Classifier.load(settings, models_dir=models_dir)
    analyzer = Analyzer(settings)
    load_s = time.perf_counter() - t0
    texts = [d["text"] for d in letters]
    t1 = time.perf_counter()
    analyses = [analyzer(t) for t in texts]
    t2 = time.perf_counter()
    preds = clf.classify_many(analyses)
    t3 = time.perf_counter()

    tp = {g: 0 for g in GROUNDS}
    fp = dict(tp)
    fn = dict(tp)
    dec_ok, dec_p, type_ok = [], [], []
    conf_dec = {"accept": {"accept": 0, "reject": 0}, "reject": {"accept": 0, "reject": 0}}
    conf_type = {t: {"implementation": 0, "review": 0, "None": 0} for t in ("implementation", "review")}
    g_probs, g_true = [], []
    exact, rec_conf, rec_ok = 0, [], []
    errors = []
    for d, c in zip(letters, preds):
        gold_g, pred_g = set(d.get("grounds") or []), set(c.grounds)
        for g in GROUNDS:
            if g in gold_g and g in pred_g:
                tp[g] += 1
            elif g in pred_g:
                fp[g] += 1
            elif g in gold_g:
                fn[g] += 1
            if g in c.probabilities:
                g_probs.append(c.probabilities[g])
                g_true.append(g in gold_g)
        ok = c.decision == d["decision"]
        dec_ok.append(ok)
        p_rej = c.probabilities.get("reject_final", c.probabilities.get("reject", 0.5))
        dec_p.append(p_rej if c.decision == "reject" else 1 - p_rej)
        conf_dec[d["decision"]][c.decision] += 1
        if d.get("type") in ("implementation", "review"):
            type_ok.append(c.type == d["type"])
            conf_type[d["type"]][str(c.type)] += 1
        all_ok = ok and gold_g == pred_g and (d.get("type") is None or c.type == d["type"])
        exact += gold_g == pred_g
        rec_conf.append(c.confidence)
        rec_ok.append(all_ok)
        if not (ok and gold_g == pred_g):
            errors.append({"id": d.get("id"), "gold": sorted(gold_g), "pred": sorted(pred_g),
                           "gold_type": d.get("type"), "pred_type": c.type,
                           "confidence": round(c.confidence, 3)})
    per_label = {g: prf(tp[g], fp[g], fn[g]) for g in GROUNDS}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    present = [g for g in GROUNDS if per_label[g]["support"] > 0]
    macro = float(np.mean([per_label[g]["f1"] for g in present])) if present else 0.0
    n = len(letters)
    return {
        "letters": n,
        "decision_accuracy": round(float(np.mean(dec_ok)), 4) if n else None,
        "type_accuracy": round(float(np.mean(type_ok)), 4) if type_ok else None,
        "type_evaluated_on": len(type_ok),
        "grounds_micro_f1": micro["f1"],
        "grounds_micro_precision": micro["precision"],
        "grounds_micro_recall": micro["recall"],
        "grounds_macro_f1": round(macro, 4),
        "grounds_exact_match": round(exact / n, 4) if n else None,
        "ece_decision": round(ece(dec_p, dec_ok), 4),
        "ece_grounds": round(ece(g_probs, g_true), 4),
        "ece_record_confidence": round(ece(rec_conf, rec_ok), 4),
        "per_label": per_label,
        "confusion": {"decision": conf_dec, "type": conf_type},
        "speed": {
            "model_load_s": round(load_s, 3),
            "analyse_letters_per_s": round(n / max(t2 - t1, 1e-9), 1),
            "classify_letters_per_s": round(n / max(t3 - t2, 1e-9), 1),
            "end_to_end_letters_per_s": round(n / max(t3 - t1, 1e-9), 1),
        },
        "model_version": clf.version,
        "errors": errors,
    }


def _fields(letters: list[dict]) -> Optional[dict[str, Any]]:
    from .analyse import Analyzer
    from .analyse.evaluate_fields import evaluate_fields
    an = Analyzer(load_settings())          # one pipeline for every field figure
    res = evaluate_fields(letters, analyzer=an)
    res.update(_more_fields(letters, an))
    return res


def _more_fields(letters: list[dict], an=None) -> dict[str, Any]:
    """channel accuracy (转办/交办 folded together) and applicants/outsiders F1."""
    if an is None:
        from .analyse import Analyzer
        an = Analyzer(load_settings())
    fold = {"交办": "转办"}
    ch_ok, counts = [], {k: [0, 0, 0] for k in ("applicants", "outsiders")}
    for d in letters:
        f = an(d["text"]).fields
        g = (d.get("fields") or {})
        if g.get("channel"):
            ch_ok.append(fold.get(f.get("channel"), f.get("channel")) == fold.get(g["channel"], g["channel"]))
        for k, c in counts.items():
            gs, ps = set(g.get(k) or []), set(f.get(k) or [])
            c[0] += len(gs & ps)
            c[1] += len(ps - gs)
            c[2] += len(gs - ps)
    out: dict[str, Any] = {"channel": round(float(np.mean(ch_ok)), 4) if ch_ok else None}
    for k, (tp, fp, fn) in counts.items():
        out[f"{k}_f1"] = prf(tp, fp, fn)["f1"]
    return out


#: look-alike characters OCR confuses on scanned letters (both directions)
_CONFUSABLE = [("己", "已"), ("未", "末"), ("人", "入"), ("日", "曰"), ("千", "干"), ("土", "士"),
               ("天", "夭"), ("王", "玉"), ("今", "令"), ("户", "尸"), ("被", "破"), ("执", "扶"),
               ("法", "去"), ("款", "欵"), ("钱", "饯"), ("拖", "施"), ("查", "杳"), ("冻", "练")]


def ocr_variants(letters: list[dict], rate: float = 0.02, seed: int = 20261122) -> list[dict]:
    """Deterministic OCR-damaged copies of letters: case numbers damaged as OCR damages them
    (执→扶, 0→O, 1→l, brackets, spaces, 号 lost), and about ``rate`` of the other characters swapped
    for a look-alike or dropped, outside the register field strings (so the labels stay true)."""
    import random

    from .analyse.evaluate_fields import ocr_damage
    table = {a: b for a, b in _CONFUSABLE} | {b: a for a, b in _CONFUSABLE}
    out = []
    for d in letters:
        f = d.get("fields") or {}
        text = ocr_damage(d["text"], list(f.get("case_numbers") or []), seed=seed)
        keep = set()
        for v in [f.get("petitioner_name"), f.get("judge"), *(f.get("applicants") or []),
                  *(f.get("respondents") or []), *(f.get("outsiders") or [])]:
            if v:
                i = text.find(v)
                while i >= 0:
                    keep.update(range(i, i + len(v)))
                    i = text.find(v, i + 1)
        rng = random.Random(f"{seed}:{d.get('id')}")
        chars = []
        for i, ch in enumerate(text):
            r = rng.random()
            if i in keep or r >= rate:
                chars.append(ch)
            elif ch in table:
                chars.append(table[ch])
            elif ch in "，。、；：" and r < rate / 2:
                continue
            else:
                chars.append(ch)
        out.append(dict(d, text="".join(chars), id=f"{d.get('id')}-ocr"))
    return out


def _ocr_variants(letters: list[dict]) -> list[dict]:
    return ocr_variants(letters)


def format_report(figs: dict[str, Any], title: str) -> str:
    lines = [f"== {title} ==", f"letters: {figs['letters']}  model: {figs.get('model_version')}"]
    lines.append(f"decision accuracy {figs['decision_accuracy']}   type accuracy {figs['type_accuracy']}"
                 f" (on {figs['type_evaluated_on']} letters with a gold type)")
    lines.append(f"grounds micro-F1 {figs['grounds_micro_f1']} (P {figs['grounds_micro_precision']}"
                 f" R {figs['grounds_micro_recall']})   macro-F1 {figs['grounds_macro_f1']}"
                 f"   exact set {figs['grounds_exact_match']}")
    lines.append(f"ECE decision {figs['ece_decision']}   grounds {figs['ece_grounds']}"
                 f"   record confidence {figs['ece_record_confidence']}")
    lines.append(f"{'label':6}{'P':>8}{'R':>8}{'F1':>8}{'n':>6}")
    for g, v in figs["per_label"].items():
        lines.append(f"{g:6}{v['precision']:8.3f}{v['recall']:8.3f}{v['f1']:8.3f}{v['support']:6d}")
    cd = figs["confusion"]["decision"]
    lines.append("decision confusion (rows gold, cols predicted): "
                 + "; ".join(f"{g}: " + ", ".join(f"{p} {n}" for p, n in row.items()) for g, row in cd.items()))
    ct = figs["confusion"]["type"]
    lines.append("type confusion (rows gold, cols predicted): "
                 + "; ".join(f"{g}: " + ", ".join(f"{p} {n}" for p, n in row.items()) for g, row in ct.items()))
    s = figs["speed"]
    lines.append(f"speed: model load {s['model_load_s']} s; analyse {s['analyse_letters_per_s']}/s;"
                 f" classify {s['classify_letters_per_s']}/s; both {s['end_to_end_letters_per_s']}/s")
    f = figs.get("fields")
    if f:
        lines.append("fields: " + "   ".join(f"{k} {v}" for k, v in f.items() if not isinstance(v, (dict, list))))
    return "\n".join(lines)


def run_evaluate(corpora: Path, split: str = "gold", models_dir: Optional[Path] = None,
                 compare: Optional[Path] = None, json_out: Optional[Path] = None) -> dict[str, Any]:
    letters = corpus.load(corpora, "gold")
    if not letters:
        raise SystemExit(f"no gold letters under {corpora}/letters/gold")
    if split == "ocr":
        letters = _ocr_variants(letters)
    elif split != "gold":
        raise SystemExit("--split must be gold or ocr")
    result: dict[str, Any] = {"split": split}
    runs = [("model", models_dir)] + ([("compare", compare)] if compare else [])
    for name, d in runs:
        figs = evaluate_classifier(letters, models_dir=d)
        figs["fields"] = _fields(letters)
        result[name] = figs
        print(format_report(figs, f"{split} split — {d or load_settings().models_dir}"))
    if compare:
        a, b = result["model"], result["compare"]
        print("== before → after ==")
        for k in ("decision_accuracy", "type_accuracy", "grounds_micro_f1", "grounds_macro_f1", "ece_decision"):
            print(f"{k}: {a[k]} → {b[k]}")
    if json_out:
        Path(json_out).write_text(json.dumps(result, ensure_ascii=False, indent=2), "utf-8")
    return result
