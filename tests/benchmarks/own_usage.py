"""Run one command and report its own wall time and peak memory, started from this small process.

    python tests/benchmarks/own_usage.py COMMAND [ARG ...]

The command's standard output is this process's; its standard error is discarded; one JSON line
on this process's standard error gives ``wall_s``, ``peak_rss_kib`` and ``returncode``.

Why a process of its own: Linux's peak resident memory of a child (``ru_maxrss`` from ``wait4``)
keeps the high-water mark of the address space it had before its ``exec``, the copy of its parent
(exec_mmap in the kernel's fs/exec.c records it), also after Python's vfork. Measured in
``run.py --sites 20000``: the 1,000-site and the 20,000-site CLI runs were both reported at
1,394.7 MB, the benchmark process's own peak, where ``/usr/bin/time`` measured 83 and 460 MB for
the same commands. Started from this process, whose own peak is a few megabytes, the figure is the
command's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence


def main(command: Sequence[str]) -> int:
    if not command:
        print("own_usage: give the command to run", file=sys.stderr)
        return 2
    start = time.perf_counter()
    with subprocess.Popen(list(command), stderr=subprocess.DEVNULL) as process:
        # wait4 reaps this one child and gives its own resource use: ru_maxrss in KiB on Linux.
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    report = {"wall_s": wall, "peak_rss_kib": usage.ru_maxrss, "returncode": process.returncode}
    print(json.dumps(report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
