package io.spot.onboarding.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The path of every request: faults, authentication, rate limiting, the endpoint, the request log
 * and the response. The order is documented on {@link Faults}.
 */
final class Dispatcher implements HttpHandler {

    /** What to answer, and whether the endpoint ran (only then can a response be "dropped after write"). */
    private record Answer(ApiResponse response, RateLimitStatus rate, boolean reachedEndpoint) {
        static Answer refused(ApiResponse response, RateLimitStatus rate) {
            return new Answer(response, rate, false);
        }
    }

    private final Clock clock;
    private final Auth auth;
    private final Faults faults;
    private final Router router;
    private final RequestLog log;
    private final Supplier<RateLimitAnswers> rateLimitAnswers;

    /** @param rateLimitAnswers read once per request, so a change of answers applies from the next one */
    Dispatcher(
            Clock clock,
            Auth auth,
            Faults faults,
            Router router,
            RequestLog log,
            Supplier<RateLimitAnswers> rateLimitAnswers) {
        this.clock = clock;
        this.auth = auth;
        this.faults = faults;
        this.router = router;
        this.log = log;
        this.rateLimitAnswers = rateLimitAnswers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Closing an exchange before its response headers were sent closes the TCP connection:
        // that is how both connection faults hang up on the client.
        try (exchange) {
            Incoming in = Incoming.read(exchange, clock);
            RateLimitAnswers rates = rateLimitAnswers.get();
            faults.latencyFor(in.method(), in.template()).ifPresent(Dispatcher::pause);
            final int chaos = faults.drawChaos();
            if (chaos == CHAOS_RESET || faults.takeConnectionReset(in.method(), in.template())) {
                log.add(in.recorded(RecordedRequest.NO_RESPONSE, 0));
                return;
            }
            Answer answer = chaos == CHAOS_THROTTLE || chaos == CHAOS_SERVER_ERROR
                    ? chaosAnswer(in, chaos, rates)
                    : answer(in, rates);
            if (answer.reachedEndpoint()) {
                faults.takeAfterRequest(in.method(), in.template()).ifPresent(Runnable::run);
            }
            final boolean write = !"GET".equals(in.method());
            if (answer.reachedEndpoint()
                    && (chaos == CHAOS_DROP && write || faults.takeDroppedResponse(in.method(), in.template()))) {
                log.add(in.recorded(RecordedRequest.NO_RESPONSE, 0));
                return;
            }
            // Logged before sending, so a client that got its answer always finds the request logged.
            byte[] body = Envelope.render(in.requestId(), in.url(), in.method(), in.receivedAt(), answer.response());
            log.add(in.recorded(answer.response().status(), body.length));
            send(exchange, answer, body, rates.headers() == RateLimitAnswers.Headers.ON);
        }
    }

    private static final int CHAOS_THROTTLE = 0;
    private static final int CHAOS_SERVER_ERROR = 1;
    private static final int CHAOS_RESET = 2;
    private static final int CHAOS_DROP = 3;

    /** A random 429 or 503 in place of the endpoint (an unauthenticated request still gets its 401). */
    private Answer chaosAnswer(Incoming in, int chaos, RateLimitAnswers rates) {
        if (in.route() == null || auth.refusal(in.method(), in.authorization()).isPresent()) {
            return answer(in, rates);
        }
        RateLimitStatus rate = faults.rateLimiter().peek(in, rates);
        if (chaos == CHAOS_THROTTLE) {
            return Answer.refused(ApiResponse.tooManyRequests(), rate.throttled(5L));
        }
        SpotApiException injected = new SpotApiException(
                503, Invented.INTERNAL_ERROR, Invented.INJECTED_ERROR_MESSAGE.formatted(HttpStatus.reason(503)), null);
        return Answer.refused(ApiResponse.error(injected, in.route().kind()), rate);
    }

    private Answer answer(Incoming in, RateLimitAnswers rates) {
        String method = in.method();
        String template = in.template();
        String kind = in.route() == null ? null : in.route().kind();
        RateLimiter limiter = faults.rateLimiter();

        Optional<SpotApiException> refusal = auth.refusal(method, in.authorization());
        if (refusal.isPresent()) {
            return Answer.refused(ApiResponse.error(refusal.get(), kind), limiter.peek(in, rates));
        }
        if (in.route() == null) {
            SpotApiException notFound = new SpotApiException(
                    HttpStatus.NOT_FOUND,
                    Invented.ROUTE_NOT_FOUND,
                    Invented.ROUTE_NOT_FOUND_MESSAGE.formatted(method, in.rawPath()),
                    null);
            return Answer.refused(ApiResponse.error(notFound, null), limiter.peek(in, rates));
        }
        Optional<Faults.Throttle> throttle = faults.takeThrottle(method, template);
        if (throttle.isPresent()) {
            RateLimitStatus rate =
                    limiter.peek(in, rates).throttled(throttle.get().resetSeconds());
            return Answer.refused(ApiResponse.tooManyRequests(), rate);
        }
        RateLimitStatus rate = limiter.acquire(in, rates);
        if (!rate.allowed()) {
            return Answer.refused(ApiResponse.tooManyRequests(), rate);
        }
        Optional<Integer> serverError = faults.takeServerError(method, template);
        if (serverError.isPresent()) {
            int status = serverError.get();
            SpotApiException injected = new SpotApiException(
                    status,
                    Invented.INTERNAL_ERROR,
                    Invented.INJECTED_ERROR_MESSAGE.formatted(HttpStatus.reason(status)),
                    null);
            return Answer.refused(ApiResponse.error(injected, kind), rate);
        }
        return new Answer(router.handle(in.route(), in.apiRequest()), rate, true);
    }

    private static void send(HttpExchange exchange, Answer answer, byte[] body, boolean rateLimitHeaders)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        if (rateLimitHeaders) {
            headers.set(Wire.RATE_LIMIT_LIMIT, Integer.toString(answer.rate().limit()));
            headers.set(
                    Wire.RATE_LIMIT_REMAINING, Integer.toString(answer.rate().remaining()));
        }
        if (rateLimitHeaders && answer.rate().resetSeconds() != null) {
            headers.set(Wire.RATE_LIMIT_RESET, Long.toString(answer.rate().resetSeconds()));
        }
        exchange.sendResponseHeaders(answer.response().status(), body.length);
        exchange.getResponseBody().write(body);
    }

    /** Real time on purpose: latency exercises client timeouts, which run on the wall clock. */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
