#!/usr/bin/env bash
# The compute-kernel benchmarks (dev.helix.benchmarks.kernels) on a machine that has an NVIDIA GPU but no Java
# and no network: everything the run needs is staged here first and carried there.
#
#   benchmarks/gpu/run-kernels.sh prepare   # here, with JDK 17, Maven access and apt: fills the staging folder
#   benchmarks/gpu/run-kernels.sh run       # there, from the repository root, with the staging folder beside it
#
# prepare builds helix-ejb and the benchmarks (in HELIX_SRC, default this checkout), then puts in STAGE
# (default .gpu, keep it out of Git: `echo /.gpu/ >> .git/info/exclude`): the JMH jars and the benchmark
# classes (lib/; aparapi-jni trimmed to its Linux x86-64 library), a jlink'ed Java 17 runtime (jre/) and
# Debian's OpenCL ICD loader and clinfo as .deb files (deb/). About 40 MB in all.
#
# run prints the machine (nvidia-smi, the OpenCL platforms and devices, java -version) and stops if OpenCL
# shows no NVIDIA device; else it unpacks the loader, points it at the NVIDIA OpenCL library (an ICD file of
# its own, OCL_ICD_VENDORS), measures the copy bandwidths with PyTorch when the machine has it, then runs JMH
# at full size (1,000,000 × 384 vectors, 10,000 series × 1,024) on the backends in BACKENDS, in three JMH runs
# (anomaly scans; similarity searches in steady state; first searches), each writing kernel-results-<run>.md
# and .json under RESULTS (default $OUT, else benchmarks/target/gpu) as soon as it ends. Keep the log with
# `... run 2>&1 | tee log`.
#
# Settings (environment): BACKENDS (APARAPI,VECTOR), VECTORS (1000000), SERIES (10000),
# JMH_OPTS (-w 2s -r 2s: 2 × 2 s warm-up and 3 × 2 s measured instead of 5 s and 3 s; leave -f, -wi and -i out,
# they would put a warm-up before the single-shot first calls), FIRST_FORKS (2 fresh JVMs per first search,
# instead of 3: each generates and loads the 1.5 GB again), INCLUDE (one JMH run of this regex instead).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STAGE=${STAGE:-$ROOT/.gpu}
MODULES=java.base,java.logging,java.management,jdk.management,jdk.incubator.vector,jdk.unsupported

prepare() {
    local src=${HELIX_SRC:-$ROOT} jdk=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
    local cp_file=$src/benchmarks/target/kernels-classpath.txt
    (cd "$src" && ./mvnw -B -q -pl benchmarks -am package -DskipTests \
        dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")
    rm -rf "$STAGE" && mkdir -p "$STAGE/lib" "$STAGE/deb"
    local jar name
    for jar in $(tr ':' '\n' < "$cp_file"); do
        name=$(basename "$jar")
        case "$name" in
            jmh-core-*|jopt-simple-*|commons-math3-*|aparapi-3*|bcel-*|helix-ejb-*) cp "$jar" "$STAGE/lib/" ;;
            aparapi-jni-*)
                # Only the loader classes and the Linux x86-64 library (the jar holds every platform's: 19 MB).
                local tmp; tmp=$(mktemp -d)
                (cd "$tmp" && unzip -q "$jar" 'com/*' 'META-INF/*' 'linux/libaparapi_x86_64.so' \
                    && "$jdk/bin/jar" --create --file "$STAGE/lib/$name" -C "$tmp" .)
                rm -rf "$tmp" ;;
        esac
    done
    "$jdk/bin/jar" --create --file "$STAGE/lib/helix-benchmarks-tests.jar" -C "$src/benchmarks/target/test-classes" .
    "$jdk/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
        --output "$STAGE/jre"
    (cd "$STAGE/deb" && apt-get download ocl-icd-libopencl1 clinfo)
    { echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"; ls -l "$STAGE/lib" "$STAGE/deb"; } \
        > "$STAGE/MANIFEST"
    du -sh "$STAGE"
}

find_nvidia_opencl() {
    local lib
    lib=$(ldconfig -p 2>/dev/null | awk '/libnvidia-opencl\.so/ {print $NF; exit}')
    if [ -z "$lib" ]; then
        lib=$(find /usr/lib/x86_64-linux-gnu /usr/local/nvidia /usr/lib64 /usr/lib /usr/local/cuda* /opt \
            -maxdepth 4 -name 'libnvidia-opencl.so*' 2>/dev/null | sort | head -1 || true)
    fi
    echo "$lib"
}

run() {
    local results=${RESULTS:-${OUT:-$ROOT/benchmarks/target/gpu}}
    local backends=${BACKENDS:-APARAPI,VECTOR} vectors=${VECTORS:-1000000} series=${SERIES:-10000}
    local jmh_opts=${JMH_OPTS:--w 2s -r 2s} first_forks=${FIRST_FORKS:-2}
    local work java=$STAGE/jre/bin/java
    mkdir -p "$results"
    work=$(mktemp -d)

    echo "== machine"
    date -u
    uname -a
    echo "CPUs: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
    free -g | head -2
    nvidia-smi || echo "(no nvidia-smi)"
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem,pcie.link.gen.current,pcie.link.width.current --format=csv || true

    echo "== OpenCL"
    for deb in "$STAGE"/deb/*.deb; do dpkg -x "$deb" "$work/root"; done
    export LD_LIBRARY_PATH=$work/root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    { ls -l /etc/OpenCL/vendors/ && head -v /etc/OpenCL/vendors/*.icd && echo; } 2>/dev/null || echo "(no /etc/OpenCL/vendors)"
    local lib; lib=$(find_nvidia_opencl)
    if [ -n "$lib" ]; then
        mkdir -p "$work/vendors" && echo "$lib" > "$work/vendors/nvidia.icd"
        export OCL_ICD_VENDORS=$work/vendors
        echo "NVIDIA OpenCL library: $lib (OCL_ICD_VENDORS=$OCL_ICD_VENDORS)"
    else
        echo "(no libnvidia-opencl.so found; the loader reads /etc/OpenCL/vendors)"
    fi
    local clinfo=$work/root/usr/bin/clinfo
    "$clinfo" -l || true
    "$clinfo" 2>/dev/null | grep -E '^  (Platform (Name|Version)|Device (Name|Version)|Driver Version|Max compute units|Max clock|Global memory size|Max memory allocation)' || true
    if [ -z "${ALLOW_CPU_OPENCL:-}" ] && ! "$clinfo" -l 2>/dev/null | grep -qi nvidia; then
        echo "FATAL: OpenCL shows no NVIDIA device (set ALLOW_CPU_OPENCL=1 to run on another device). What there is:"
        ldconfig -p | grep -i -E 'nvidia|opencl' | head -20 || true
        ls /usr/local/nvidia/lib64 2>/dev/null | head -40 || true
        find /usr /opt /etc /lib -iname '*opencl*' 2>/dev/null | grep -v -E 'site-packages|/include/' | head -40 || true
        exit 3
    fi

    echo "== Java"
    "$java" -version

    if command -v python3 >/dev/null && [ -z "${SKIP_TORCH:-}" ]; then
        echo "== copy bandwidths (PyTorch, reference)"
        timeout 90 python3 - <<'EOF' || echo "(no PyTorch figures)"
import torch, time
assert torch.cuda.is_available()
def timed(f, n=10):
    f(); torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(n):
        f()
    torch.cuda.synchronize()
    return (time.perf_counter() - start) / n
n = 384_000_000  # the 1.536 GB of vectors
a = torch.rand(n, device="cuda"); b = torch.empty_like(a)
t = timed(lambda: b.copy_(a))
print(f"device-to-device copy of 1.536 GB: {t*1e3:.2f} ms, {2*4*n/t/1e9:.0f} GB/s (read + write)")
t = timed(lambda: a.sum())
print(f"sum of 1.536 GB on the GPU: {t*1e3:.3f} ms, {4*n/t/1e9:.0f} GB/s (read)")
h = torch.rand(n)
t = timed(lambda: a.copy_(h), 3)
print(f"host-to-device copy of 1.536 GB, pageable: {t*1e3:.1f} ms, {4*n/t/1e9:.1f} GB/s")
p = h.pin_memory()
t = timed(lambda: a.copy_(p, non_blocking=True), 3)
print(f"host-to-device copy of 1.536 GB, pinned: {t*1e3:.1f} ms, {4*n/t/1e9:.1f} GB/s")
print(torch.cuda.get_device_name(), torch.cuda.get_device_properties(0).multi_processor_count, "SMs")
EOF
    fi

    local cp; cp=$(ls "$STAGE"/lib/*.jar | tr '\n' ':')
    # Every first call builds its kernels afresh: no disk cache of PoCL's or of the NVIDIA driver's.
    export POCL_KERNEL_CACHE=0 CUDA_CACHE_DISABLE=1
    # Three JMH runs, each writing its own results as soon as it ends: the anomaly scans (quick, and the first
    # to fail if the backend is wrong), the similarity searches in steady state, the first searches.
    jmh() {
        local name=$1 regex=$2 start=$SECONDS; shift 2
        echo "== JMH $name: $regex (backends $backends, $vectors vectors, $series series, $*)"
        "$java" -Dkernels.report="$results/kernel-results-$name.md" -classpath "$cp" \
            dev.helix.benchmarks.kernels.KernelBenchmarks "$regex" -p vectors="$vectors" -p series="$series" \
            -p backend="$backends" -foe true -rf json -rff "$results/kernel-results-$name.json" "$@"
        echo "== JMH $name took $((SECONDS - start)) s"
    }
    # shellcheck disable=SC2086
    if [ -n "${INCLUDE:-}" ]; then
        jmh custom "$INCLUDE" $jmh_opts
    else
        jmh anomaly 'kernels\.AnomalyScanBenchmark\.' $jmh_opts
        jmh similarity 'kernels\.SimilarityBenchmark\.(searchOne|searchBatch32|streamingRead)$' $jmh_opts
        jmh first-search 'kernels\.SimilarityBenchmark\.firstSearch$' -f "$first_forks"
    fi
    nvidia-smi --query-gpu=name,driver_version,temperature.gpu,clocks.sm,clocks.mem --format=csv || true
    cat "$results"/kernel-results-*.md
}

case "${1:-}" in
    prepare) prepare ;;
    run) run ;;
    *) echo "usage: $0 prepare|run" >&2; exit 2 ;;
esac
