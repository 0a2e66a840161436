"""corpora.generator — compositional generator of training petition letters (执行信访).

Run: python -m corpora.generator --seed 20261122 --n 700 --out corpora/letters/train/generated/gen-20261122.jsonl
"""
VERSION = "1"
