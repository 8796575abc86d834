package io.spot.onboarding.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection. {@code method} is an HTTP method or "*"; {@code route} is a path template
 * such as "/setup/account/{id}" or "*". All rules combine; standing rules (rate limit, latency)
 * added later win over earlier ones for the same request, and counted rules are used up oldest
 * first.
 *
 * <p>Order in which a request meets them: latency, connection reset, authentication, throttleNext,
 * rate limit, serverErrorNext, the endpoint itself, then dropResponseAfterWrite.
 */
public final class Faults {

    record Throttle(Long resetSeconds) {}

    private final RateLimiter rateLimiter;
    private final FaultQueue<Throttle> throttles = new FaultQueue<>();
    private final FaultQueue<Integer> serverErrors = new FaultQueue<>();
    private final FaultQueue<Boolean> droppedResponses = new FaultQueue<>();
    private final FaultQueue<Boolean> connectionResets = new FaultQueue<>();
    private final FaultQueue<Runnable> afterRequests = new FaultQueue<>();
    private final MatchedRules<Duration> latencies = new MatchedRules<>();
    private final Map<String, List<Map<String, Object>>> ciValidationResults = new ConcurrentHashMap<>();
    private volatile Duration iamPropagationDelay = Duration.ZERO;
    private volatile int accountLimit = Integer.MAX_VALUE;
    private volatile CostIntelligencePages.Rules ciPaging = CostIntelligencePages.Rules.INVENTED;
    private volatile Chaos chaos;
    private volatile EndlessCostIntelligenceList.Pages ciEndless;

    /** Random faults: each request meets one with probability {@code probability}, reproducibly from {@code seed}. */
    private record Chaos(double probability, Random random) {
        /** One of the four kinds of fault with a quarter of the probability each, or none. */
        synchronized int draw() {
            final double roll = random.nextDouble();
            return roll < probability ? (int) (roll / probability * 4) : -1;
        }
    }

    Faults(Clock clock) {
        this.rateLimiter = new RateLimiter(clock);
    }

    /**
     * At most {@code limit} requests per rolling {@code window} (emulator clock), then 429; what one
     * window counts is the {@link RateLimitAnswers} of {@link EmulatorState#answers()}.
     */
    public void rateLimit(String method, String route, int limit, Duration window) {
        rateLimiter.limit(new RequestMatcher(method, route), new RateLimiter.Rule(limit, window));
    }

    /** The next {@code count} matching requests get 429 with X-RateLimit-Reset: resetSeconds. */
    public void throttleNext(String method, String route, int count, int resetSeconds) {
        if (resetSeconds < 0) {
            throw new IllegalArgumentException("resetSeconds must be >= 0: " + resetSeconds);
        }
        throttles.add(new RequestMatcher(method, route), count, new Throttle((long) resetSeconds));
    }

    /** Like {@link #throttleNext} but the 429 lacks X-RateLimit-Reset, so clients must fall back. */
    public void throttleNextWithoutResetHeader(String method, String route, int count) {
        throttles.add(new RequestMatcher(method, route), count, new Throttle(null));
    }

    /** The next {@code count} matching requests get {@code status} with an error envelope. */
    public void serverErrorNext(String method, String route, int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status: " + status);
        }
        serverErrors.add(new RequestMatcher(method, route), count, status);
    }

    /** Every matching request first waits {@code delay} of real time (not the emulator clock). */
    public void latency(String method, String route, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0: " + delay);
        }
        latencies.add(new RequestMatcher(method, route), delay);
    }

    /** The next {@code count} matching requests are applied, then the connection closes unanswered. */
    public void dropResponseAfterWrite(String method, String route, int count) {
        droppedResponses.add(new RequestMatcher(method, route), count, Boolean.TRUE);
    }

    /** The next {@code count} matching requests see their connection closed before anything is applied. */
    /**
     * Runs {@code action} once, after the endpoint has handled the next matching request and before
     * its answer is sent: another client acting between Spot's answer and the caller's next call.
     */
    public void afterNext(String method, String route, Runnable action) {
        afterRequests.add(new RequestMatcher(method, route), 1, Objects.requireNonNull(action, "action"));
    }

    public void resetConnectionNext(String method, String route, int count) {
        connectionResets.add(new RequestMatcher(method, route), count, Boolean.TRUE);
    }

    /**
     * A role ARN becomes assumable {@code delay} after a set-credentials call first named it (on
     * the emulator clock); before that, set-credentials fails with {@link Invented#CANT_ASSUME_ROLE}.
     * Pass a huge duration (e.g. {@code ChronoUnit.FOREVER.getDuration()}) for "never".
     */
    public void iamPropagationDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0: " + delay);
        }
        iamPropagationDelay = delay;
    }

    /** The organization may hold at most this many accounts, default account included. */
    public void accountLimit(int maxAccounts) {
        if (maxAccounts < 1) {
            throw new IllegalArgumentException("an organization always holds its default account: " + maxAccounts);
        }
        accountLimit = maxAccounts;
    }

    /**
     * Every request meets, with {@code probability}, one fault drawn at random: a 429 (reset 5 s),
     * a 503, a connection reset before anything is applied, or (for a write) its answer lost after
     * it was applied. For StackSet-scale runs where faults strike anywhere.
     */
    public void chaos(double probability, long seed) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
        chaos = new Chaos(probability, new Random(seed));
    }

    /** Replaces the items POST /cbi/v1/setup/account/validation returns for this account. */
    public void ciValidationResult(String accountId, List<Map<String, Object>> items) {
        ciValidationResults.put(Objects.requireNonNull(accountId, "accountId"), List.copyOf(items));
    }

    /**
     * GET /cbi/v1/setup/account serves at most this many accounts a page: its default size, and a
     * silent cap on any larger paginationSize it accepts.
     */
    public void ciPageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
        }
        ciPaging = ciPaging.served(pageSize);
    }

    /** GET /cbi/v1/setup/account refuses (400) a paginationSize above this. */
    public void ciMaxPageSize(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be >= 1: " + maxPageSize);
        }
        ciPaging = ciPaging.accepting(maxPageSize);
    }

    /**
     * GET /cbi/v1/setup/account never ends: past the last page every page names a new next key, its
     * pages empty ({@code emptyPages}) or repeating the first page. See {@link EndlessCostIntelligenceList}.
     */
    public void ciListNeverEnds(boolean emptyPages) {
        ciEndless = emptyPages ? EndlessCostIntelligenceList.Pages.EMPTY : EndlessCostIntelligenceList.Pages.REPEATED;
    }

    public void reset() {
        rateLimiter.reset();
        throttles.clear();
        serverErrors.clear();
        droppedResponses.clear();
        afterRequests.clear();
        connectionResets.clear();
        latencies.clear();
        ciValidationResults.clear();
        iamPropagationDelay = Duration.ZERO;
        accountLimit = Integer.MAX_VALUE;
        ciPaging = CostIntelligencePages.Rules.INVENTED;
        chaos = null;
        ciEndless = null;
    }

    // ---- read by the dispatcher and the endpoints ----

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    Optional<Duration> latencyFor(String method, String route) {
        return latencies.find(method, route);
    }

    /** The random fault this request meets (see {@link #chaos}), drawn once when it arrives: 0 to 3, or -1. */
    int drawChaos() {
        final Chaos current = chaos;
        return current == null ? -1 : current.draw();
    }

    boolean takeConnectionReset(String method, String route) {
        return connectionResets.consume(method, route).isPresent();
    }

    Optional<Throttle> takeThrottle(String method, String route) {
        return throttles.consume(method, route);
    }

    Optional<Integer> takeServerError(String method, String route) {
        return serverErrors.consume(method, route);
    }

    Optional<Runnable> takeAfterRequest(String method, String route) {
        return afterRequests.consume(method, route);
    }

    boolean takeDroppedResponse(String method, String route) {
        return droppedResponses.consume(method, route).isPresent();
    }

    Duration iamPropagationDelay() {
        return iamPropagationDelay;
    }

    int accountLimit() {
        return accountLimit;
    }

    Optional<List<Map<String, Object>>> ciValidationResult(String accountId) {
        return Optional.ofNullable(ciValidationResults.get(accountId));
    }

    EndlessCostIntelligenceList.Pages ciEndless() {
        return ciEndless;
    }

    CostIntelligencePages.Rules ciPaging() {
        return ciPaging;
    }
}
