"""`assessor standards ...`: parse, load, import and export standards."""
import json
import sys
from pathlib import Path

import click

from .parser import decode, parse_standard


@click.group("standards")
def standards_group() -> None:
    """Read standards from NOS text, load them, and export them."""


@standards_group.command("parse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(["cy", "en"]), help="The text's language (detected if not given).")
@click.option("--urn", help="The URN, when the text has none (mark your own identifiers LOCAL-...).")
@click.option("--title", help="The title, when the text has none.")
def parse_command(file: Path, language: str | None, urn: str | None, title: str | None) -> None:
    """Print the standard in FILE as JSON (the shape in standards/schema.json)."""
    result = parse_standard(decode(file.read_bytes()), language=language, urn=urn, title=title)
    for warning in result.warnings:
        click.echo(f"{file}: warning: {warning}", err=True)
    if not result.ok:
        for error in result.errors:
            click.echo(f"{file}: error: {error}", err=True)
        sys.exit(1)
    click.echo(json.dumps(result.document, ensure_ascii=False, indent=2))
