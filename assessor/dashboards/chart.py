"""The cohort's progress over time as the geometry of a server-rendered SVG line chart (a pure function of the days)."""
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from .figures import elapsed_share, percent
from .models import CohortProgressDay

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 56
PERCENT_TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class DayFigures:
    """One recorded day, as the chart and its table show it."""

    day: date
    met: int
    total: int
    learners: int
    point: Point

    @property
    def percent(self) -> int:
        return percent(self.met, self.total)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    days: list[DayFigures]
    #: the share expected if progress kept pace with time: 0% at the start date, 100% at the target date
    expected: tuple[Point, Point]
    date_ticks: list[tuple[float, date]]
    percent_ticks: list[tuple[float, int]]
    #: where today falls, when it is inside the chart
    today_x: float | None
    #: the share of the time elapsed today, as a whole percent
    expected_today: int

    @property
    def line(self) -> str:
        """The polyline's points attribute."""
        return " ".join(f"{figures.point.x:.1f},{figures.point.y:.1f}" for figures in self.days)

    @property
    def latest(self) -> DayFigures | None:
        return self.days[-1] if self.days else None


def progress_chart(days: list[CohortProgressDay], start: date, target: date, today: date) -> Chart:
    """Criteria met by day against the straight line from the start date to the target date."""
    first = min([start, *(day.day for day in days[:1])])
    last = max([target, *(day.day for day in days[-1:])])
    span = max((last - first).days, 1)
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(day: date) -> float:
        return LEFT + (right - LEFT) * (day - first).days / span

    def y(share: Fraction) -> float:
        return bottom - (bottom - TOP) * float(share)

    figures = [
        DayFigures(d.day, d.criteria_met, d.criteria_total, d.learners, Point(x(d.day), y(_share(d.criteria_met, d.criteria_total))))
        for d in days
    ]
    return Chart(
        WIDTH, HEIGHT, LEFT, TOP, right, bottom, figures,
        (Point(x(start), y(Fraction(0))), Point(x(max(target, start + timedelta(days=1))), y(Fraction(1)))),
        [(x(day), day) for day in sorted({first, start, target, last})],
        [(y(Fraction(value, 100)), value) for value in PERCENT_TICKS],
        x(today) if first <= today <= last else None,
        int(100 * elapsed_share(start, target, today)),
    )


def _share(met: int, total: int) -> Fraction:
    return Fraction(met, total) if total else Fraction(0)
