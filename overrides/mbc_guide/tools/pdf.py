"""A PDF read back with pypdf: its sheets, its text and its web links."""
from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from mbc_guide.paths import ROOT

GUIDE_PDF = ROOT / "dist" / "mbc-guide.pdf"  # where scripts/pdf.py writes the whole guide


def edition_pdf(english_pdf: Path, language: str) -> Path:
    """Where an edition's whole guide is printed, beside the English one: dist/mbc-guide-es.pdf for "es"."""
    return english_pdf if language == "en" else english_pdf.with_name(f"{english_pdf.stem}-{language}.pdf")


def pdf_pages(pdf: bytes) -> int:
    """Number of sheets in the PDF."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    """All the PDF's text, with runs of white space made single spaces."""
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def pdf_links(pdf: bytes) -> list[str]:
    """The address of every web link in the PDF (links within the PDF are left out)."""
    links = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                links.append(str(action["/URI"]))
    return links
