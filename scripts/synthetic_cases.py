"""Generate synthetic case folders for the benchmark: the example case's shape, fake content."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import yaml
from casebook.checks.placeholders import save_placeholder
from PIL import Image, ImageDraw, ImageFont

# Bump when the generated content changes, so a stored corpus is regenerated.
GENERATOR_VERSION = "4"
IMAGE_SIZE = (640, 480)

# Latin filler marks every sentence as fake at a glance; no clinical fact can be read into it.
_LOREM = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris "
    "nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse "
    "cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui "
    "officia deserunt mollit anim id est laborum"
)
_WORDS = _LOREM.split()
_CONDITIONS = [f"Synthetic condition {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]
_DRUGS = [f"examplumab-{n}" for n in range(1, 13)]
_SPECIALTIES = ["synthetic dermatology", "synthetic rheumatology", "synthetic immunology"]
_SITES = ["Face", "Trunk", "Upper limbs", "Lower limbs", "Palms", "Soles", "Scalp", "Back"]
_ACTIONS = ["start", "continue", "taper", "increase", "interrupt", "resume", "stop"]
_STAINS = ["H&E", "PAS", "Giemsa"]


class _Text:
    """Deterministic filler text for one case."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(count))

    def sentence(self, low: int = 8, high: int = 16) -> str:
        text = self.words(self.rng.randint(low, high))
        return text[:1].upper() + text[1:] + "."

    def phrase(self, low: int = 3, high: int = 7) -> str:
        text = self.words(self.rng.randint(low, high))
        return text[:1].upper() + text[1:]

    def paragraph(self, sentences: int, *, cites: list[str], figures: list[str]) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        for key in self.rng.sample(cites, k=min(2, len(cites))):
            index = self.rng.randrange(len(parts))
            parts[index] = parts[index][:-1] + f" [@{key}]."
        for key in figures:
            index = self.rng.randrange(len(parts))
            parts[index] = parts[index][:-1] + f" (@{key})."
        return " ".join(parts)


def case_id(index: int) -> str:
    return f"synthetic-{index:05d}"


def case_data(index: int) -> dict[str, Any]:
    """The case.yaml mapping of synthetic case `index`; the same index gives the same case."""
    rng = random.Random(index)
    text = _Text(rng)
    conditions = rng.sample(_CONDITIONS, k=rng.randint(1, 2))
    drug = rng.choice(_DRUGS)
    refs = [f"ref{index}x{k}" for k in range(rng.randint(5, 8))]
    return {
        "schema_version": 1,
        "publication": {
            "title": f"Synthetic case report {index}: {' with '.join(conditions)} and {drug}",
            "article_type": "case-report",
            "status": "published",
            "date": (datetime.date(2020, 1, 1) + datetime.timedelta(days=index)).isoformat(),
            "licence": "CC-BY-4.0",
            "keywords": [c.lower() for c in conditions] + [drug, "synthetic benchmark data"],
            "specialty": [rng.choice(_SPECIALTIES)],
        },
        "authors": [{"collective": "Synthetic benchmark generator", "affiliations": ["bench"]}],
        "affiliations": [{"id": "bench", "name": "Casebook benchmark (synthetic data)"}],
        "abstract": text.paragraph(3, cites=[], figures=[]),
        "introduction": text.paragraph(3, cites=[], figures=[]),
        "patient": {"age": rng.randint(18, 80), "sex": rng.choice(["female", "male"])},
        "history": {
            "presenting_complaints": [
                {"description": text.phrase(), "duration": f"{rng.randint(1, 9)} months"}
                for _ in range(rng.randint(2, 3))
            ],
            "past_history": [text.phrase() for _ in range(2)],
            "prior_treatments": [
                {"treatment": text.phrase(2, 4), "response": "ineffective"} for _ in range(3)
            ],
            "pertinent_negatives": [f"No {text.words(3)}" for _ in range(4)],
        },
        "examination": [
            {"site": "Trunk", "description": text.phrase(6, 12), "figures": ["fig-clinical-a"]},
            {"site": "Soles", "description": text.phrase(6, 12), "figures": ["fig-clinical-b"]},
            *(
                {"site": rng.choice(_SITES), "description": text.phrase(6, 12)}
                for _ in range(rng.randint(1, 3))
            ),
        ],
        "investigations": [_lab(rng, k) for k in range(rng.randint(6, 10))],
        "histology": [
            {
                "id": "biopsy-trunk",
                "site": "Trunk",
                "stain": rng.choice(_STAINS),
                "magnification": rng.choice([40, 100, 200]),
                "findings": [text.phrase(4, 10) for _ in range(rng.randint(3, 5))],
                "figures": ["fig-histology"],
            }
        ],
        "diagnosis": {
            "final": [{"name": c} for c in conditions],
            "differentials": [
                {
                    "name": f"Synthetic differential {k + 1}",
                    "status": "excluded",
                    "reasoning": text.paragraph(4, cites=refs, figures=[]),
                }
                for k in range(rng.randint(2, 3))
            ],
        },
        "treatment": _timeline(rng, text, drug),
        "patient_perspective": text.paragraph(2, cites=[], figures=[]),
        "outcome": {
            "summary": text.paragraph(3, cites=refs[:1], figures=[]),
            "follow_up": f"{rng.randint(2, 12)} months",
        },
        "consent": {
            "basis": "patient written consent",
            "scope": ["text", "images"],
            "statement": "Synthetic benchmark data: there is no patient behind this page.",
        },
        "discussion": "\n\n".join(
            text.paragraph(rng.randint(6, 9), cites=refs, figures=figures)
            for figures in (["fig-followup"], [], [], [])
        )
        + "\n\n"
        + " ".join(f"[@{key}]" for key in refs),
        "references": [_reference(rng, text, key, index) for key in refs],
        "figures": _figures(text),
    }


def _lab(rng: random.Random, k: int) -> dict[str, Any]:
    low = rng.randint(1, 20)
    high = low + rng.randint(5, 40)
    value = round(rng.uniform(0, high * 1.5), 1)
    flag = "high" if value > high else "low" if value < low else "normal"
    lab: dict[str, Any] = {
        "test": f"Synthetic marker {k + 1}",
        "value": value,
        "unit": rng.choice(["U/L", "mg/L", "×10⁹/L", "kU/L"]),
        "reference_low": low,
        "reference_high": high,
        "flag": flag,
    }
    if rng.random() < 0.5:
        lab["when"] = f"week {rng.randint(0, 12)}"
    return lab


def _timeline(rng: random.Random, text: _Text, drug: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    week = 0
    for step_number in range(rng.randint(5, 7)):
        action = "start" if step_number == 0 else rng.choice(_ACTIONS[1:-1])
        step: dict[str, Any] = {"drug": drug, "action": action, "start": f"week {week}"}
        gap = rng.randint(2, 10)
        if action != "interrupt":
            step.update(
                dose={"value": rng.choice([2, 4, 10, 50]), "unit": "mg"},
                route="oral",
                frequency="once daily",
            )
        # Steps of one drug follow each other on the timeline: each lasts until the next.
        step.update(duration=f"{gap} weeks", reason=text.phrase(4, 9))
        step["response"] = text.phrase(3, 8)
        steps.append(step)
        week += gap
    steps[-1]["figures"] = ["fig-followup"]
    return steps


def _reference(rng: random.Random, text: _Text, key: str, index: int) -> dict[str, Any]:
    return {
        "id": key,
        "type": "article-journal",
        "author": [
            {"family": text.phrase(1, 1), "given": f"{rng.choice('ABCDEFGH')}."}
            for _ in range(rng.randint(1, 4))
        ],
        "title": text.phrase(8, 14),
        "container-title": f"Journal of Synthetic Data {rng.randint(1, 9)}",
        "issued": {"date-parts": [[rng.randint(1990, 2024)]]},
        "volume": str(rng.randint(1, 99)),
        "page": f"{rng.randint(1, 500)}-{rng.randint(501, 900)}",
        # 10.5555 is the prefix Crossref keeps for examples and tests; it resolves nowhere.
        "DOI": f"10.5555/synthetic.{index}.{key}",
    }


def _figures(text: _Text) -> list[dict[str, Any]]:
    def panel(panel_id: str, file: str, kind: str | None = None) -> dict[str, Any]:
        item = {
            "id": panel_id,
            "file": file,
            "legend": text.sentence(8, 20),
            "alt": f"Synthetic placeholder image: {text.words(6)}",
            "placeholder": True,
        }
        return item | ({"kind": kind} if kind else {})

    return [
        {
            "id": "fig-clinical",
            "kind": "clinical photo",
            "panels": [
                panel("fig-clinical-a", "figures/clinical-a.jpg"),
                panel("fig-clinical-b", "figures/clinical-b.jpg"),
                panel("fig-histology", "figures/histology.jpg", "histology"),
            ],
        },
        {
            "id": "fig-followup",
            "kind": "clinical photo",
            "panels": [
                panel("fig-followup-a", "figures/followup-a.jpg"),
                panel("fig-followup-b", "figures/followup-b.png"),
            ],
        },
    ]


def _base_image(seed: int) -> Image.Image:
    """A photo-like texture: JPEG cost depends on detail, and flat colour would be unrealistic."""
    rng = random.Random(seed)
    noise = Image.effect_noise(IMAGE_SIZE, 40).convert("RGB")
    tint = Image.new("RGB", IMAGE_SIZE, tuple(rng.randint(90, 230) for _ in range(3)))
    image = Image.blend(noise, tint, 0.7)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(IMAGE_SIZE[0]), rng.randrange(IMAGE_SIZE[1])
        r = rng.randint(10, 60)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randint(60, 200) for _ in "rgb"))
    return image


def write_images(folder: Path, *, index: int, bases: list[Image.Image]) -> None:
    font = ImageFont.load_default(size=28)
    figures = [f["panels"] for f in _figures(_Text(random.Random(0)))]
    for panel_number, panel in enumerate(p for panels in figures for p in panels):
        image = bases[(index + panel_number) % len(bases)].copy()
        draw = ImageDraw.Draw(image)
        # The label makes every image unique, as real figures are, and says what it is.
        draw.rectangle((0, 0, IMAGE_SIZE[0], 44), fill=(255, 255, 255))
        draw.text((12, 8), f"SYNTHETIC case {index} panel {panel_number + 1}", fill=0, font=font)
        target = folder / panel["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        # Marked as placeholders: the cases say `placeholder: true`, and the build checks it.
        save_placeholder(_chart(index, panel_number) if target.suffix == ".png" else image, target)


def _chart(index: int, panel_number: int) -> Image.Image:
    """A flat-colour line chart, the kind of figure authors export as PNG."""
    rng = random.Random(index * 100 + panel_number)
    image = Image.new("RGB", IMAGE_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((12, 8), f"SYNTHETIC case {index} chart", fill=0, font=ImageFont.load_default(28))
    draw.line((60, 420, 600, 420), fill=0, width=2)
    draw.line((60, 60, 60, 420), fill=0, width=2)
    points = [(60 + i * 54, rng.randint(80, 400)) for i in range(11)]
    draw.line(points, fill=(0, 110, 160), width=4)
    return image.quantize(16)


def write_corpus(case_root: Path, *, count: int) -> None:
    """Write cases 0..count-1 under `case_root`, skipping those already written."""
    bases = [_base_image(seed) for seed in range(4)]
    for index in range(count):
        folder = case_root / case_id(index)
        if (folder / "case.yaml").is_file():
            continue
        write_images(folder, index=index, bases=bases)
        text = yaml.safe_dump(case_data(index), allow_unicode=True, sort_keys=False, width=100)
        # Written last: a folder with case.yaml is complete, even after an interrupted run.
        (folder / "case.yaml").write_text(text, encoding="utf-8")
