"""Field paths as editors read them: `steps[2].minutes` is the minutes of the second step."""

from typing import Sequence


def dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text
