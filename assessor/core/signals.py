"""Asking the areas above: a lower area sends a blinker signal and reads back what the receivers return."""
from blinker import Signal


def answers(signal: Signal, sender, **kwargs) -> list:
    """The receivers' return values, leaving out those with nothing to add."""
    return [value for _receiver, value in signal.send(sender, **kwargs) if value is not None]
