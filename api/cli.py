"""The `csdl-qa` command: each group of subcommands lives in its own `cli_*` module."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from api.settings import Settings, get_settings

Handler = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    from api import cli_ask, cli_corpus, cli_eval, cli_index, cli_model, cli_serve

    parser = argparse.ArgumentParser(prog="csdl-qa", description="Hỏi đáp danh mục cơ sở dữ liệu dùng chung")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (cli_model, cli_corpus, cli_index, cli_ask, cli_serve, cli_eval):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args, get_settings())
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`csdl-qa corpus show … | head`): stop quietly, and keep Python's exit-time flush
        # of stdout from raising again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
