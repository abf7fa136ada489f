"""The page every view is written into: one HTML file with its styles and scripts inline, so it
opens from a file:// URL on a machine with no network."""

from __future__ import annotations

import html
import json
from functools import lru_cache

# Colour-blind-safe hues (Okabe and Ito) for stances and kinds; a state gets one of a longer cycle.
STANCE_COLOURS = {
    "supports": "#009E73", "advocates": "#56B4E9", "proposes": "#0072B2", "informs": "#999999",
    "concerned": "#E69F00", "doubts": "#CC79A7", "criticizes": "#D55E00", "opposes": "#B2182B", "denies": "#7F0000",
}
KIND_COLOURS = {
    "person": "#0072B2", "state": "#D55E00", "party": "#CC79A7", "organization": "#009E73", "place": "#E69F00",
    "event": "#56B4E9", "topic": "#6A3D9A", "other": "#777777",
}
STATE_CYCLE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e",
               "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1")

BASE_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; margin: 0; color: #222; background: #fff; }
header { padding: 0.8em 1.5em; border-bottom: 1px solid #ddd; font-family: Helvetica, Arial, sans-serif; }
header h1 { font-size: 1.25em; margin: 0 0 0.2em 0; }
header nav a { margin-right: 1em; color: #0b5394; text-decoration: none; font-size: 0.9em; }
.sans { font-family: Helvetica, Arial, sans-serif; }
.notice { margin: 1em 1.5em; padding: 0.6em 1em; background: #fff6d6; border: 1px solid #e6c200; font-family: Helvetica, Arial, sans-serif; }
.legend span { display: inline-block; margin-right: 0.8em; font-size: 0.8em; font-family: Helvetica, Arial, sans-serif; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: middle; margin-right: 0.25em; }
"""


def escape(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def script_json(value) -> str:
    """JSON safe inside a <script> element (no '</script>' or '<!--' can end it early)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


PLOTLY_FILE = "assets/plotly.min.js"  # where a site keeps its one copy of plotly.js


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """plotly.js as Plotly's wheel ships it, for inlining."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def legend(colours: dict[str, str], names: list[str] | None = None) -> str:
    items = names or list(colours)
    return "".join(f'<span><i class="swatch" style="background:{colours[n]}"></i>{escape(n)}</span>' for n in items if n in colours)


def _plotly_tag(src: str | None) -> str:
    return f'<script src="{escape(src)}"></script>' if src else f"<script>{plotly_js()}</script>"


def page(title: str, body: str, css: str = "", scripts: tuple[str, ...] = (), nav: str = "", plotly: bool = False,
         plotly_src: str | None = None) -> str:
    """`plotly`: the page draws with plotly.js, inline (a page that stands alone) or, given `plotly_src`, from the one
    copy a site keeps beside its pages (a relative URL; the policy then lets the page load scripts of its own origin)."""
    inline = "".join(f"<script>{s}</script>" for s in scripts)
    head = _plotly_tag(plotly_src) if plotly else ""
    own = " 'self'" if plotly and plotly_src else ""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src{own} 'unsafe-inline' 'unsafe-eval'; "
            f"style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">"
            f"<title>{escape(title)}</title><style>{BASE_CSS}{css}</style>{head}</head>"
            f"<body><header><h1>{escape(title)}</h1>{nav}</header>{body}{inline}</body></html>\n")


def state_colour(index: int) -> str:
    return STATE_CYCLE[index % len(STATE_CYCLE)]
