#!/usr/bin/env python3
"""The gateway hop benchmark of docs/mesh.md ("Gateway hop cost"), as real processes.

Starts nats-server, one mesh-game and one mesh-gateway per GATEWAY argument (LABEL=JAR[|JVM
OPTIONS[|mesh-gateway OPTIONS]]), all on 127.0.0.1; then, ROUNDS times, runs the same mesh-client
(4 users x 50000 HelloREQ, 100 in flight each) against the game directly and against each gateway,
in turn; then three ping-pong rounds (1 user, 5000 requests, 1 in flight). For every client run it
records the client's rate and latency, and the CPU time the game and the gateway used meanwhile
(/proc/PID/stat), and the client process's own CPU time. Prints one JSON line per run and a summary:
per gateway the per-round ratios (gateway rate / direct rate of the same round) and their median,
and the gateway's CPU time per request and reply.

    scripts/mesh-hop-bench.py 8 cellnet-examples/target/cellnet-examples.jar \\
        "gateway=cellnet-examples/target/cellnet-examples.jar"

Needs nats-server (Debian's package) and java on the PATH. Not part of `mvn verify`.
"""
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PIPELINED = ['--users', '4', '--count', '50000', '--window', '100']
PING_PONG = ['--users', '1', '--count', '5000', '--window', '1']
TICK = os.sysconf('SC_CLK_TCK')


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, jar, specs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    work = tempfile.mkdtemp(prefix='mesh-hop-')
    procs = []
    try:
        port = 14000 + random.randint(0, 900)
        procs.append(spawn(['nats-server', '-a', '127.0.0.1', '-p', str(port), '-js', '-sd', work + '/nats'],
                           work + '/nats.log'))
        time.sleep(1)
        url = f'nats://127.0.0.1:{port}'
        game = spawn(['java', '-jar', jar, 'mesh-game', '--nats', url], work + '/game.out')
        procs.append(game)
        game_address = re.search(r'LISTENING (\S+)', wait_for(work + '/game.out', 'REGISTERED')).group(1)
        gateways = {}
        for i, spec in enumerate(specs):
            label, rest = spec.split('=', 1)
            parts = rest.split('|') + ['', '']
            address = f'127.0.0.1:{19000 + random.randint(0, 900) + i}'
            p = spawn(['java'] + parts[1].split() + ['-jar', parts[0], 'mesh-gateway', '--nats', url,
                                                     '--address', address] + parts[2].split(),
                      f'{work}/gateway-{label}.out')
            procs.append(p)
            gateways[label] = (p, address)
        for label in gateways:
            wait_for(f'{work}/gateway-{label}.out', 'BACKEND CONNECTED')
        targets = [('direct', game_address)] + [(label, a) for label, (p, a) in gateways.items()]

        def run(label, address, args):
            before = cpu(game, gateways)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            out = subprocess.run(['java', '-jar', jar, 'mesh-client', '--address', address] + args + ['--stats'],
                                 capture_output=True, text=True).stdout
            after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
            after = cpu(game, gateways)
            m = re.search(r'rate=(\d+) p50_us=(\d+) p99_us=(\d+)', out)
            r = dict(label=label, rate=int(m.group(1)) if m else 0, p50_us=int(m.group(2)) if m else 0,
                     p99_us=int(m.group(3)) if m else 0,
                     game_cpu_ms=(after['game'] - before['game']) * 1000 // TICK,
                     gateway_cpu_ms=(after.get(label, 0) - before.get(label, 0)) * 1000 // TICK,
                     client_cpu_ms=round(1000 * (after_children.ru_utime + after_children.ru_stime
                                                 - children.ru_utime - children.ru_stime)),
                     load=open('/proc/loadavg').read().split()[0])
            print(json.dumps(r), flush=True)
            return r

        for label, address in targets:  # warm-up
            run(label, address, ['--users', '4', '--count', '20000', '--window', '100'])
        results = [{label: run(label, address, PIPELINED) for label, address in targets} for _ in range(rounds)]
        pings = [{label: run(label, address, PING_PONG) for label, address in targets} for _ in range(3)]
        print('=== summary, load average now', open('/proc/loadavg').read().split()[0])
        print('direct rates', [row['direct']['rate'] for row in results])
        for label in gateways:
            ratios = [row[label]['rate'] / row['direct']['rate'] for row in results if row['direct']['rate']]
            cpu_us = [row[label]['gateway_cpu_ms'] * 1000 / 200000 for row in results]
            print(f'{label}: rates {[row[label]["rate"] for row in results]}')
            print(f'{label}: ratios {" ".join(f"{x:.2f}" for x in ratios)} median {statistics.median(ratios):.2f}')
            print(f'{label}: gateway CPU per request+reply, µs: {" ".join(f"{x:.2f}" for x in cpu_us)}'
                  f' median {statistics.median(cpu_us):.2f}')
            print(f'{label}: ping-pong p50 µs direct {[p["direct"]["p50_us"] for p in pings]}'
                  f' gateway {[p[label]["p50_us"] for p in pings]}; p99 µs direct'
                  f' {[p["direct"]["p99_us"] for p in pings]} gateway {[p[label]["p99_us"] for p in pings]}')
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait(timeout=15)


def spawn(cmd, out):
    return subprocess.Popen(cmd, stdout=open(out, 'w'), stderr=subprocess.STDOUT)


def wait_for(path, text):
    for _ in range(150):
        if os.path.exists(path):
            content = open(path).read()
            if text in content:
                return content
        time.sleep(0.2)
    raise RuntimeError(f'{path}: no "{text}" within 30 s')


def cpu(game, gateways):
    ticks = {'game': proc_ticks(game.pid)}
    for label, (p, address) in gateways.items():
        ticks[label] = proc_ticks(p.pid)
    return ticks


def proc_ticks(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


if __name__ == '__main__':
    main()
