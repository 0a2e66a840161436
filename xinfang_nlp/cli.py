"""``xinfang`` — a thin Typer CLI over the package's plain functions (one command, one module)."""
from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="执行信访 mailbag → pre-filled register records for clerks to confirm.")


def _settings(config: Optional[Path]):
    from .settings import load_settings
    return load_settings(config)


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name} must be YYYY-MM-DD, got {value!r}")


@app.command()
def process(
    inputs: List[Path] = typer.Argument(..., help="mailbag folder(s) and/or files"),
    db: str = typer.Option("register.sqlite", "--db", help="register: SQLite file or database URL"),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="also write the records of every item given (new, re-read or already registered) as JSON Lines"),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="parallel reader processes"),
    force: bool = typer.Option(False, "--force", help="read items already registered again"),
    received_at: Optional[str] = typer.Option(None, "--received-at", help="registration day YYYY-MM-DD (default today)"),
    config: Optional[Path] = typer.Option(None, "--config", help="court settings (TOML)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
):
    """Read every item of the mailbag and register one record per file."""
    from tqdm import tqdm

    from .pipeline import process as run
    from .register.store import Store

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    day = _date(received_at, "--received-at")
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if quiet:
            return
        if bar is None:
            bar = tqdm(total=total, unit="件", desc="登记 registering", file=sys.stderr)
        bar.update(1)

    for p in inputs:
        if not p.exists():
            raise typer.BadParameter(f"no such file or folder: {p}")
    from .classify import ModelMissing
    try:
        summary = run(inputs, db, jobs=jobs, force=force, received_at=day, settings=_settings(config),
                      progress=progress)
    except ModelMissing as exc:
        typer.echo(f"错误：找不到分类模型 — {exc}", err=True)
        raise typer.Exit(2)
    if bar is not None:
        bar.close()
    if jsonl is not None:
        store = Store.open(db)
        with open(jsonl, "w", encoding="utf-8") as fh:
            for rid in summary.record_ids:
                rec = store.get(rid)
                if rec is not None:
                    fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        store.close()
    for line in summary.lines():
        typer.echo(line)


@app.command()
def bench(
    fixtures: Path = typer.Option(Path("tests/fixtures/bench"), help="benchmark fixture folder"),
    jobs: int = typer.Option(2, "--jobs", "-j"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the figures as JSON"),
):
    """Reading benchmark: CER by kind of page, s/page, engine overhead, text-PDF speed, peak memory."""
    from .bench import run_bench
    run_bench(fixtures, jobs=jobs, json_out=json_out)


@app.command()
def train(
    corpora: Path = typer.Option(Path("corpora"), help="corpus folder"),
    models: Optional[Path] = typer.Option(None, help="where to write models (default: settings.models_dir)"),
    with_confirmed: Optional[str] = typer.Option(None, "--with-confirmed", help="also learn from this register's confirmed records"),
    seed: int = typer.Option(20261122, help="random seed"),
):
    """Rebuild every model from corpora/ reproducibly and write the model card."""
    from .classify.train import train_all
    train_all(corpora, models_dir=models, with_confirmed=with_confirmed, seed=seed)


@app.command()
def evaluate(
    corpora: Path = typer.Option(Path("corpora"), help="corpus folder"),
    split: str = typer.Option("gold", help="gold | ocr (OCR-damaged gold variants)"),
    models: Optional[Path] = typer.Option(None, help="models folder to evaluate"),
    compare: Optional[Path] = typer.Option(None, help="a second models folder: print both, before/after"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the figures as JSON"),
):
    """Figures on the gold test split: classification and register-field extraction."""
    from .evaluate import run_evaluate
    run_evaluate(corpora, split=split, models_dir=models, compare=compare, json_out=json_out)


@app.command()
def serve(
    db: str = typer.Option("register.sqlite", "--db"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8765, "--port"),
    token: Optional[str] = typer.Option(None, "--token", envvar="XINFANG_TOKEN", help="access token (required for a non-local bind)"),
    mailbag: Optional[Path] = typer.Option(None, "--mailbag", help="folder the records' source paths are relative to (for page images)"),
):
    """The clerks' review page (local web application)."""
    from .review.app import serve as run
    run(db=db, host=host, port=port, token=token, mailbag=mailbag)


@app.command()
def export(
    db: str = typer.Option("register.sqlite", "--db"),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | xlsx"),
    status: str = typer.Option("confirmed", "--status", help="confirmed | suggested | failed | all"),
    since: Optional[str] = typer.Option(None, "--since", help="only records changed on or after this date"),
    out: Path = typer.Option(..., "-o", "--out"),
):
    """Export the register for the court's case system."""
    from .export import export_records
    n = export_records(db, fmt=fmt, status=status, since=since, out=out)
    typer.echo(f"exported {n} records to {out}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
