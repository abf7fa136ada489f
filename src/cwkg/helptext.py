"""Help that shows what a user types: `--timeout SECONDS`, `PATH...`, not Typer's type names (`<float>`,
`<list[Path]>`, `{paths}...`), which mean nothing to someone who has not read the source."""

from __future__ import annotations

from typer.core import TyperArgument, TyperOption

# What an option's value is, by its name; an option not named here is shown by its type (`_BY_TYPE`).
OPTION_METAVARS = {
    "--store": "FOLDER", "--format": "FORMAT", "--param": "KEY=VALUE", "--limit": "N", "--endpoint": "URL",
    "--user": "USER", "--password": "PASSWORD", "--token": "TOKEN", "--timeout": "SECONDS", "--timeout-s": "SECONDS",
    "--max-answer-mb": "MB", "--output": "PATH", "--graph": "IRI", "--document": "ID", "--context-url": "URL",
    "--gsp": "URL", "--update": "URL", "--protocol": "gsp|update", "--jobs": "N", "--catalog": "FILE.csv",
    "--accept": "FILE.csv", "--review": "FILE.csv", "--kind": "KIND", "--threshold": "SCORE", "--cache": "FOLDER",
    "--contact": "EMAIL|URL", "--topics": "N", "--topic": "NAME", "--year": "YEAR[-YEAR]", "--person": "NAME",
    "--by": "speaker|state", "--documents": "PATTERN", "--port": "PORT", "--bind": "ADDRESS", "--site-port": "PORT",
    "--frus": "VOLUME", "--corpus": "FOLDER", "--cluster": "ADDRESS", "--shards": "FOLDER",
}
ARGUMENT_METAVARS = {"paths": "PATH", "shards": "SHARDS", "gold": "GOLD_FILE", "text": "QUERY|FILE", "doc": "DOCUMENT", "path": "FILE"}
_BY_TYPE = {"integer": "N", "float": "NUMBER", "path": "PATH", "text": "TEXT"}


class PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: `PATH...` in the usage line and the list, no type beside it."""

    def make_metavar(self, ctx, *, usage: bool = False) -> str:  # noqa: ANN001 - Typer's signature
        name = self.metavar + ("..." if self.nargs != 1 else "")
        return name if self.required or not usage else f"[{name}]"


class _Unshown:
    """A parameter type whose name the help leaves out (Typer prints `<path>` beside an argument otherwise)."""

    def get_metavar(self, param, ctx=None):  # noqa: ANN001 - Click's signature
        return ""


def _unshown(kind):  # noqa: ANN001 - a Click parameter type
    """A copy of `kind` that converts as it does and shows no name in the help."""
    from copy import copy

    shown = copy(kind)
    shown.__class__ = type(f"Unshown{type(kind).__name__}", (_Unshown, type(kind)), {})
    return shown


def plain(command, ctx) -> None:  # noqa: ANN001 - a Click command or group, and its context
    """Give every parameter of `command` (and of its subcommands) a plain metavar; a flag shows none. The `--help`
    option Click makes (and keeps) for each command is made here, with the root's context, so it is one of them."""
    helper = command.get_help_option(ctx)
    for param in [*getattr(command, "params", []), *([helper] if helper is not None else [])]:
        if isinstance(param, TyperArgument) and not isinstance(param, PlainArgument):
            param.__class__ = PlainArgument
            param.type = _unshown(param.type)
            param.metavar = param.metavar or ARGUMENT_METAVARS.get(param.name, param.name.upper())
        elif isinstance(param, TyperOption) and param.metavar is None:
            if param.is_flag or param.count:
                param.metavar = ""
            else:
                long = next((o for o in param.opts if o.startswith("--")), "")
                kind = getattr(getattr(param, "type", None), "name", None)  # not yet set on every Typer version
                param.metavar = OPTION_METAVARS.get(long) or _BY_TYPE.get(kind, "VALUE")
    for sub in getattr(command, "commands", {}).values():
        plain(sub, ctx)
