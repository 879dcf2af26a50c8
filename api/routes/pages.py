"""The pages: the assistant (`/`), the desk staff's lookup (`/tra-cuu`), the decisions (`/van-ban`) and their source
viewer (`/van-ban/{id}`), the embed script and its demo host page."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api.deps import CorpusDep

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter(include_in_schema=False)


def _page(name: str, media_type: str = "text/html; charset=utf-8", status_code: int = 200) -> FileResponse:
    # no-cache: a redeployed widget must not meet a stale script in the portal's browsers.
    return FileResponse(
        STATIC_DIR / name, status_code=status_code, media_type=media_type, headers={"Cache-Control": "no-cache"}
    )


@router.get("/")
def assistant_page() -> FileResponse:
    """The full-page assistant."""
    return _page("index.html")


@router.get("/tra-cuu")
def lookup_page() -> FileResponse:
    """The lookup page for desk staff."""
    return _page("lookup.html")


@router.get("/van-ban")
def documents_page() -> FileResponse:
    """The decisions: number, date, signer, counts, what each replaces."""
    return _page("documents.html")


@router.get("/van-ban/{document_id}")
def source_page(document_id: str, corpus: CorpusDep) -> FileResponse:
    """One decision's source text, line-numbered; `#L34-L40` marks and scrolls to lines. 404 for an unknown id."""
    if document_id not in {d.id for d in corpus.documents()}:
        # A page, not JSON: a stale link opened in the browser says what happened and where to go.
        return _page("document-missing.html", status_code=404)
    return _page("viewer.html")


@router.get("/demo")
def demo_page() -> FileResponse:
    """A stand-in intranet page that embeds the widget."""
    return _page("demo.html")


@router.get("/widget.js")
def widget_script() -> FileResponse:
    """The embed script: `<script src=".../widget.js" defer></script>` adds the assistant as a floating panel."""
    return _page("widget.js", "text/javascript; charset=utf-8")


def mount_static(app: FastAPI) -> None:
    """Serve the widget's stylesheet and scripts under /static."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
