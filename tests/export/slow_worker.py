"""`assessor worker` whose portfolio renders first wait SLOW_RENDER_SECONDS, so a test can kill it mid-task."""
import os
import sys
import time

from assessor.cli import main
from assessor.export import cohort_zip

real_render = cohort_zip.portfolio_pdf


def slow_render(*args, **kwargs):
    time.sleep(float(os.environ.get("SLOW_RENDER_SECONDS", "3")))
    return real_render(*args, **kwargs)


if __name__ == "__main__":
    cohort_zip.portfolio_pdf = slow_render
    sys.exit(main(["worker"]))
