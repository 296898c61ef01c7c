"""Where an authority's pages sit in the site: its navigation sections and region, shared by the
authority pages, the checklists, the picker and the calculator (each of which lists authorities)."""

from __future__ import annotations

from ..content import Authority

NO_REGION = "Region not given"


def nav_path(authority: Authority) -> tuple[str, ...]:
    """The navigation sections above an authority's pages."""
    if authority.is_national:
        return ("National framework",)
    return ("Authorities", authority.meta.get("region") or NO_REGION, authority.short_name)


def region_of(authority: Authority) -> str:
    """The region shown for an authority: the same label as its navigation section."""
    return nav_path(authority)[1]


def region_key(region: str) -> tuple:
    """Regions alphabetically, "Region not given" last."""
    return (region == NO_REGION, region.lower())
