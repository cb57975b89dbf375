"""The stylesheet parses: a rule left open (a merge that dropped a closing brace) would
swallow every rule after it, silently, in every browser."""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css"


def test_every_block_of_the_stylesheet_is_closed_where_it_should_be():
    text = re.sub(
        r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), STYLESHEET.read_text(), flags=re.S
    )
    open_blocks: list[tuple[int, str]] = []  # (line, what opened it)
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            if char == "{":
                # Only an at-rule (@media, @supports) holds blocks; a rule never does.
                assert all(opener.startswith("@") for _line, opener in open_blocks), (
                    f"line {number}: a block opened inside the rule of line {open_blocks[-1][0]}"
                )
                open_blocks.append((number, line.strip()))
            elif char == "}":
                assert open_blocks, f"line {number}: a brace closes nothing"
                open_blocks.pop()
    assert open_blocks == [], "blocks left open at the end"
