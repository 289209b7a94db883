package dev.helix.benchmarks.kernels;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with its usual command-line options (as {@code org.openjdk.jmh.Main} does), then writes the results
 * as a Markdown table to the file named by {@code -Dkernels.report}, with the effective GB/s of every
 * steady-state call of a kernel: the bytes of the data set it works on (the stored vectors, or the series) over its
 * time. It runs the item-step benchmarks too (no data set, so no GB/s).
 */
public final class KernelBenchmarks {

    private KernelBenchmarks() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException, IOException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        String report = System.getProperty("kernels.report");
        if (report != null) {
            Files.writeString(Path.of(report), table(results));
        }
    }

    private static String table(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>(List.of(
                "| benchmark | parameters | mode | ms per call | ± (99.9 %) | GB/s |",
                "| --- | --- | --- | ---: | ---: | ---: |"));
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            double millis = primary.getScore() * params.getTimeUnit().toNanos(1) / 1e6;
            double error = primary.getScoreError() * params.getTimeUnit().toNanos(1) / 1e6;
            String qualified = params.getBenchmark();
            String benchmark = qualified.substring(qualified.lastIndexOf('.', qualified.lastIndexOf('.') - 1) + 1);
            String parameters = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                    .collect(Collectors.joining(", "));
            String gbPerSecond = params.getMode() == Mode.AverageTime && worksOnADataSet(params)
                    ? significant(bytes(params) / (millis / 1e3) / 1e9, 3) : "—";
            lines.add("| " + benchmark + " | " + parameters + " | " + params.getMode().shortLabel()
                    + " | " + significant(millis, 4) + " | " + (Double.isNaN(error) ? "—" : significant(error, 2))
                    + " | " + gbPerSecond + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /** Whether the benchmark is a kernel's, over the stored vectors or the series (not, e.g., an item step's). */
    private static boolean worksOnADataSet(BenchmarkParams params) {
        return params.getParamsKeys().contains("vectors") || params.getParamsKeys().contains("series");
    }

    /** The bytes of the data set a call works on: the stored vectors or the series, 4 bytes a float. */
    private static double bytes(BenchmarkParams params) {
        String vectors = params.getParam("vectors");
        return vectors != null
                ? Double.parseDouble(vectors) * SimilarityBenchmark.DIMENSIONS * Float.BYTES
                : Double.parseDouble(params.getParam("series")) * AnomalyScanBenchmark.LENGTH * Float.BYTES;
    }

    private static String significant(double value, int digits) {
        return new BigDecimal(value).round(new MathContext(digits)).toPlainString();
    }
}
