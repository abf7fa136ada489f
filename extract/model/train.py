"""Reproduce cwkg's English tagger, lemmatizer and dependency parser from UD English-EWT.

No official English spaCy pipeline can be installed from the registry, so cwkg trains its
own: a small CNN pipeline (config.cfg beside this script) on the treebank's train split,
model selection on dev, and the scores on the held-out test split written to
`scores.json`. The result replaces `en_cwkg_ud/`, the package data the extractor loads.

    python extract/model/train.py [--ud ../shared/ud] [--work DIR] [--finish]

`--finish` skips training and ships the best model a stopped run left in DIR/out.

Training takes tens of minutes on two cores; CI never runs it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODEL = HERE / "en_cwkg_ud"
SPLITS = ("train", "dev", "test")
META = {
    "name": "cwkg_ud", "version": "1.0.0", "license": "CC BY-SA 4.0",
    "description": "cwkg's tagger and dependency parser, trained on UD English-EWT; a derived work of the treebank.",
    "sources": [{"name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
                 "url": "https://github.com/UniversalDependencies/UD_English-EWT", "license": "CC BY-SA 4.0",
                 "author": "Silveira et al. (2014) and the UD English-EWT contributors"}],
}


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def convert(ud: Path, work: Path) -> dict[str, Path]:
    """CoNLL-U to spaCy's binary format, ten sentences a document so the parser sees context."""
    out = {}
    for split in SPLITS:
        src = ud / f"en_ewt-ud-{split}.conllu"
        if not src.is_file():
            raise SystemExit(f"{src}: treebank file not found")
        run("convert", str(src), str(work), "--converter", "conllu", "--n-sents", "10")
        out[split] = work / f"en_ewt-ud-{split}.spacy"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, default=HERE.parents[2] / "shared" / "ud")
    parser.add_argument("--work", type=Path, default=None, help="keep intermediate files here")
    parser.add_argument("--finish", action="store_true", help="ship the best model of an earlier run in --work")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cwkg-ud-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.finish:
        data = {split: work / f"en_ewt-ud-{split}.spacy" for split in SPLITS}
    else:
        data = convert(args.ud, work)
        run("train", str(HERE / "config.cfg"), "--output", str(work / "out"),
            "--paths.train", str(data["train"]), "--paths.dev", str(data["dev"]))
    best = work / "out" / "model-best"
    metrics = work / "test-metrics.json"
    run("evaluate", str(best), str(data["test"]), "--output", str(metrics))
    scores = json.loads(metrics.read_text())
    keep = {k: round(scores[k], 4) for k in ("token_acc", "tag_acc", "pos_acc", "morph_acc", "lemma_acc",
                                                "dep_uas", "dep_las", "sents_f") if k in scores}
    (HERE / "scores.json").write_text(json.dumps({"treebank": "UD English-EWT test split (commit 15d613d8)", **keep}, indent=2) + "\n")
    ship(best)
    print(json.dumps(keep, indent=2))


def ship(best: Path) -> None:
    """Keep what extraction uses (tokenizer, tok2vec, tagger, parser) as the package's model."""
    import spacy

    nlp = spacy.load(best, exclude=["morphologizer", "trainable_lemmatizer"])
    nlp.meta.update(META)
    if MODEL.exists():
        shutil.rmtree(MODEL)
    nlp.to_disk(MODEL)


if __name__ == "__main__":
    main()
