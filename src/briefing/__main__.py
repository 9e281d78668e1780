"""`briefing` and `python -m briefing`: the CLI, with Ctrl-C answered from the first moment."""

from __future__ import annotations

import signal

from briefing import interrupt


def main() -> None:
    signal.signal(signal.SIGINT, interrupt.exit_at_once)  # loading writes nothing
    from briefing.cli import app  # heavy: loaded under the handler above

    try:
        app()
    except SystemExit as ended:
        if ended.code == interrupt.EXIT_STATUS:
            interrupt.end()
        raise


if __name__ == "__main__":
    main()
