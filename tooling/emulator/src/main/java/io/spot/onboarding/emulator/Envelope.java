package io.spot.onboarding.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outer document every Spot answer has: the echoed {@code request} and the {@code response}. */
final class Envelope {

    private Envelope() {}

    static byte[] render(String requestId, String url, String method, Instant timestamp, ApiResponse response) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", requestId);
        request.put("url", url);
        request.put("method", method);
        request.put("timestamp", Timestamps.format(timestamp));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("request", request);
        document.put("response", response.response());
        return Json.write(document);
    }
}
