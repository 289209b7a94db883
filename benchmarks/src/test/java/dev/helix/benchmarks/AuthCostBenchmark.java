package dev.helix.benchmarks;

import dev.helix.identity.internal.VerifiedCredentialCache;
import dev.helix.identity.model.ApiKeySecret;
import dev.helix.identity.model.PasswordHasher;
import dev.helix.identity.model.RateLimiter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What authenticating and rate-limiting one request costs in CPU, part by part: the token bucket (one caller
 * alone, and four threads on one caller), checking an API key's text against its stored hash, and checking HTTP
 * Basic credentials with the verified-credential cache hit and missed (PBKDF2, 210,000 iterations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuthCostBenchmark {

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final ApiKeySecret key = ApiKeySecret.generate();
    private final String keyHash = key.hash();
    private final String keyText = key.key();
    private final VerifiedCredentialCache cache = new VerifiedCredentialCache();
    private final String passwordHash = PasswordHasher.hash("correct-horse-battery");

    public AuthCostBenchmark() {
        cache.remember("dana", "correct-horse-battery");
    }

    @Benchmark
    public RateLimiter.Verdict rateLimitOneCaller() {
        return limiter.acquire("user:dana", 1_000_000);
    }

    @Benchmark
    @Threads(4)
    public RateLimiter.Verdict rateLimitOneCallerFourThreads() {
        return limiter.acquire("user:busy", 1_000_000);
    }

    @Benchmark
    public boolean apiKeyCheck() {
        return ApiKeySecret.parse(keyText).map(k -> k.matches(keyHash)).orElse(false);
    }

    @Benchmark
    public boolean basicCredentialsCached() {
        return cache.isVerified("dana", "correct-horse-battery");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 3, time = 2)
    public boolean basicCredentialsUncachedPbkdf2() {
        return PasswordHasher.verify("correct-horse-battery", passwordHash);
    }
}
