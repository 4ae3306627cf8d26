#!/usr/bin/env python3
"""Run one command and print its wall time, CPU time and peak RSS as JSON.

    measure.py [--quiet] -- COMMAND [ARGS...]

Peak RSS comes from getrusage of the waited child (Linux reports kilobytes), so no GNU time
is needed. stdout of the command is discarded with --quiet.
"""
import json
import resource
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    quiet = False
    if args and args[0] == "--quiet":
        quiet, args = True, args[1:]
    if args and args[0] == "--":
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL if quiet else None)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall_s": round(wall, 4),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 4),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "status": proc.returncode,
    }))


if __name__ == "__main__":
    main()
