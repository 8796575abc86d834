package io.spot.onboarding.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of {@code response.errors[]}; {@code field} is omitted from the wire when null. */
record SpotError(String code, String message, String field) {

    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("code", code);
        wire.put("message", message);
        if (field != null) {
            wire.put("field", field);
        }
        return wire;
    }
}
